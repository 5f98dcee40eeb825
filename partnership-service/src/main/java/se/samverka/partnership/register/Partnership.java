package se.samverka.partnership.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * A lasting relation between the municipality and places or organisations abroad or in the region.
 *
 * @param responsibleDepartmentId the department or municipal company that answers for it
 * @param strategies              codes of the municipality's strategies it serves
 * @param statusSince             when it entered its current status
 * @param history                 every status change, oldest first
 */
public record Partnership(
        String name,
        String nameEn,
        String description,
        PartnershipType type,
        PartnershipStatus status,
        Visibility visibility,
        List<PartnershipParty> parties,
        String responsibleDepartmentId,
        List<GlobalTheme> themes,
        List<String> strategies,
        Agreement agreement,
        List<Decision> decisions,
        List<StatusChange> history,
        Instant statusSince) {

    public Partnership {
        parties = List.copyOf(parties);
        themes = themes == null ? List.of() : List.copyOf(themes);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        history = history == null ? List.of() : List.copyOf(history);
    }

    List<String> partyIds() {
        return parties.stream().map(PartnershipParty::organisationId).toList();
    }

    boolean hasDecision(String decisionId) {
        return decisions.stream().anyMatch(decision -> decision.id().equals(decisionId));
    }

    Partnership describedAs(PartnershipDetails d) {
        return new Partnership(d.name().strip(), d.nameEn(), d.description(), d.type(), status, d.visibilityOrDefault(),
                parties, d.responsibleDepartmentId(), d.themes(), d.strategies(), agreement, decisions, history, statusSince);
    }

    Partnership withParties(List<PartnershipParty> newParties) {
        return new Partnership(name, nameEn, description, type, status, visibility, newParties, responsibleDepartmentId,
                themes, strategies, agreement, decisions, history, statusSince);
    }

    Partnership withAgreement(Agreement newAgreement) {
        return new Partnership(name, nameEn, description, type, status, visibility, parties, responsibleDepartmentId,
                themes, strategies, newAgreement, decisions, history, statusSince);
    }

    Partnership withDecision(Decision decision) {
        List<Decision> all = new ArrayList<>(decisions);
        all.add(decision);
        return new Partnership(name, nameEn, description, type, status, visibility, parties, responsibleDepartmentId,
                themes, strategies, agreement, all, history, statusSince);
    }

    Partnership movedTo(StatusChange change) {
        List<StatusChange> all = new ArrayList<>(history);
        all.add(change);
        return new Partnership(name, nameEn, description, type, change.to(), visibility, parties, responsibleDepartmentId,
                themes, strategies, agreement, decisions, all, change.at());
    }
}
