package se.samverka.reporting.readmodel;

import static se.samverka.reporting.readmodel.Lists.orEmpty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.Party;

/**
 * A partnership as the reports know it, from its own events only. Its description is stored flat, beside the rest.
 *
 * @param statusSince   when it got its present status
 * @param lastChangedAt when its latest event happened
 */
public record PartnershipEntry(
        @Unwrapped.Nullable PartnershipDescription description,
        String status,
        List<Party> parties,
        String agreementType,
        LocalDate agreementValidTo,
        Instant statusSince,
        Instant lastChangedAt) {

    public PartnershipEntry {
        parties = List.copyOf(parties);
    }

    static PartnershipEntry registered(PartnershipDescription d, String status, List<Party> parties, Instant at) {
        return new PartnershipEntry(kept(d), status, parties, null, null, at, at);
    }

    PartnershipEntry describedAs(PartnershipDescription d, Instant at) {
        return new PartnershipEntry(kept(d), status, parties, agreementType, agreementValidTo, statusSince, at);
    }

    PartnershipEntry withStatus(String newStatus, Instant at) {
        return new PartnershipEntry(description, newStatus, parties, agreementType, agreementValidTo, at, at);
    }

    PartnershipEntry withParties(List<Party> newParties, Instant at) {
        return new PartnershipEntry(description, status, newParties, agreementType, agreementValidTo, statusSince, at);
    }

    PartnershipEntry withAgreement(String newAgreementType, LocalDate validTo, Instant at) {
        return new PartnershipEntry(description, status, parties, newAgreementType, validTo, statusSince, at);
    }

    PartnershipEntry touched(Instant at) {
        return new PartnershipEntry(description, status, parties, agreementType, agreementValidTo, statusSince, at);
    }

    public List<String> partyIds() {
        return parties.stream().map(Party::organisationId).toList();
    }

    /**
     * What the reports keep of a description: not its own words about itself; themes and strategies, which
     * registrations published before them lack, as empty lists.
     */
    private static PartnershipDescription kept(PartnershipDescription d) {
        return new PartnershipDescription(d.name(), d.nameEn(), null, d.type(), d.visibility(),
                d.responsibleDepartmentId(), orEmpty(d.themes()), orEmpty(d.strategies()));
    }
}
