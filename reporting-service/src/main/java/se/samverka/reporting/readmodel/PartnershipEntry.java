package se.samverka.reporting.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.Party;

/**
 * A partnership as the reports know it, from its own events only.
 *
 * @param statusSince   when it got its present status
 * @param lastChangedAt when its latest event happened
 */
public record PartnershipEntry(
        String name,
        String nameEn,
        String type,
        String status,
        String visibility,
        List<Party> parties,
        String responsibleDepartmentId,
        List<String> themes,
        List<String> strategies,
        String agreementType,
        LocalDate agreementValidTo,
        Instant statusSince,
        Instant lastChangedAt) {

    public PartnershipEntry {
        parties = List.copyOf(parties);
        themes = List.copyOf(themes);
        strategies = List.copyOf(strategies);
    }

    static PartnershipEntry registered(PartnershipDescription d, String status, List<Party> parties, Instant at) {
        return new PartnershipEntry(d.name(), d.nameEn(), d.type(), status, d.visibility(), parties,
                d.responsibleDepartmentId(), d.themes(), d.strategies(), null, null, at, at);
    }

    PartnershipEntry describedAs(PartnershipDescription d, Instant at) {
        return new PartnershipEntry(d.name(), d.nameEn(), d.type(), status, d.visibility(), parties,
                d.responsibleDepartmentId(), d.themes(), d.strategies(), agreementType, agreementValidTo, statusSince, at);
    }

    PartnershipEntry withStatus(String newStatus, Instant at) {
        return new PartnershipEntry(name, nameEn, type, newStatus, visibility, parties, responsibleDepartmentId, themes,
                strategies, agreementType, agreementValidTo, at, at);
    }

    PartnershipEntry withParties(List<Party> newParties, Instant at) {
        return new PartnershipEntry(name, nameEn, type, status, visibility, newParties, responsibleDepartmentId, themes,
                strategies, agreementType, agreementValidTo, statusSince, at);
    }

    PartnershipEntry withAgreement(String newAgreementType, LocalDate validTo, Instant at) {
        return new PartnershipEntry(name, nameEn, type, status, visibility, parties, responsibleDepartmentId, themes,
                strategies, newAgreementType, validTo, statusSince, at);
    }

    PartnershipEntry touched(Instant at) {
        return new PartnershipEntry(name, nameEn, type, status, visibility, parties, responsibleDepartmentId, themes,
                strategies, agreementType, agreementValidTo, statusSince, at);
    }

    public List<String> partyIds() {
        return parties.stream().map(Party::organisationId).toList();
    }
}
