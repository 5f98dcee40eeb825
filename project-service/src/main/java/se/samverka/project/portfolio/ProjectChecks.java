package se.samverka.project.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.Money;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.MoneyDetails;
import se.samverka.platform.web.Reason;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.directory.Directory;
import se.samverka.project.directory.KnownCall;
import se.samverka.project.directory.KnownOrganisation;
import se.samverka.project.directory.KnownPartnership;
import se.samverka.project.portfolio.ProjectRequests.FundingLineDetails;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;

/**
 * What a project may refer to and how its numbers must add up. Organisations, contact persons, partnerships and
 * funding calls are checked against what this service has learnt from partnership-service's events; strategies,
 * actions, growth areas and funding programmes against the reference data. Each problem names its field.
 */
@Component
class ProjectChecks {

    /** Who may own a project (the glossary): the municipality's own operations, and local companies. */
    private static final Set<String> OWNER_TYPES = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY", "COMPANY");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Directory directory;
    private final MunicipalStrategy strategy;
    private final FundingProgrammes programmes;

    ProjectChecks(Directory directory, MunicipalStrategy strategy, FundingProgrammes programmes) {
        this.directory = directory;
        this.strategy = strategy;
        this.programmes = programmes;
    }

    /** @param partners the project's partners, which the owner must not be among */
    void description(ProjectDescription d, List<Partner> partners) {
        List<FieldProblem> problems = new ArrayList<>();
        owner(d.ownerOrganisationId(), problems);
        if (partners.stream().anyMatch(partner -> partner.organisationId().equals(d.ownerOrganisationId()))) {
            problems.add(new FieldProblem("ownerOrganisationId", "reason.owner.is-partner"));
        }
        Map<String, KnownPartnership> partnerships = directory.partnerships(d.partnershipIds());
        for (int i = 0; i < d.partnershipIds().size(); i++) {
            KnownPartnership partnership = partnerships.get(d.partnershipIds().get(i));
            if (partnership == null) {
                problems.add(new FieldProblem("partnershipIds[" + i + "]", "reason.no-partnership",
                        d.partnershipIds().get(i)));
            } else if (partnership.hasEnded()) {
                problems.add(new FieldProblem("partnershipIds[" + i + "]", "reason.partnership.ended", partnership.name()));
            }
        }
        for (int i = 0; i < d.contactPersonIds().size(); i++) {
            if (!directory.hasContactPerson(d.contactPersonIds().get(i))) {
                problems.add(new FieldProblem("contactPersonIds[" + i + "]", "reason.no-contact-person",
                        d.contactPersonIds().get(i)));
            }
        }
        alignment(d, problems);
        order(d.plannedStart(), d.plannedEnd(), "plannedEnd", "plannedStart", problems);
        order(d.actualStart(), d.actualEnd(), "actualEnd", "actualStart", problems);
        throwIfAny(problems);
    }

    void partner(ProjectDescription d, List<Partner> partners, Partner partner) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = partner.organisationId();
        KnownOrganisation organisation = directory.organisation(id).orElse(null);
        if (organisation == null) {
            problems.add(new FieldProblem("organisationId", "reason.no-organisation.yet", id));
        } else if (!organisation.active()) {
            problems.add(new FieldProblem("organisationId", "reason.inactive", organisation.name()));
        }
        if (id.equals(d.ownerOrganisationId())) {
            problems.add(new FieldProblem("organisationId", "reason.partner.is-owner"));
        }
        if (partners.stream().anyMatch(existing -> existing.organisationId().equals(id))) {
            problems.add(new FieldProblem("organisationId", "reason.partner.already"));
        }
        throwIfAny(problems);
    }

    /**
     * A funding line as stored: the programme must exist, the call it names must be a call of that programme the
     * register has not withdrawn, and granted and paid must fit what was applied for.
     */
    FundingLine fundingLine(String id, FundingLineDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (programmes.programme(details.programme()).isEmpty()) {
            problems.add(new FieldProblem("programme", "reason.programme", details.programme(),
                    programmes.programmes().stream().map(FundingProgrammes.Programme::code).toList()));
        }
        String callId = details.callId() == null || details.callId().isBlank() ? null : details.callId().strip();
        if (callId != null) {
            KnownCall call = directory.calls(List.of(callId)).get(callId);
            if (call == null) {
                problems.add(new FieldProblem("callId", "reason.no-call", callId));
            } else if (call.withdrawn()) {
                problems.add(new FieldProblem("callId", "reason.call.withdrawn", call.name()));
            } else if (!call.programme().equals(details.programme())) {
                problems.add(new FieldProblem("callId", "reason.call.programme", call.name(), call.programme()));
            }
        }
        Money applied = MoneyDetails.exact(details.applied(), "applied", problems);
        Money granted = MoneyDetails.exact(details.granted(), "granted", problems);
        Money paid = MoneyDetails.exact(details.paid(), "paid", problems);
        Money own = MoneyDetails.exact(details.ownContribution(), "ownContribution", problems);
        atMost(granted, applied, "granted", "amount.applied", problems);
        if (paid != null && granted == null) {
            problems.add(new FieldProblem("paid", "reason.paid.before-grant"));
        }
        atMost(paid, granted, "paid", "amount.granted", problems);
        throwIfAny(problems);
        return new FundingLine(id, details.programme(), details.call(), callId, applied, granted, paid, own,
                details.decidedOn(), Boolean.TRUE.equals(details.internal()));
    }

    void country(String country, String field) {
        if (country != null && !COUNTRIES.contains(country)) {
            throw new InvalidRequestException(field, "reason.country", country);
        }
    }

    private void owner(String id, List<FieldProblem> problems) {
        KnownOrganisation owner = directory.organisation(id).orElse(null);
        if (owner == null) {
            problems.add(new FieldProblem("ownerOrganisationId", "reason.no-organisation.yet", id));
        } else if (!OWNER_TYPES.contains(owner.type())) {
            problems.add(new FieldProblem("ownerOrganisationId", "reason.owner.type", owner.name(),
                    Reason.term("organisation-type", owner.type())));
        } else if (!owner.active()) {
            problems.add(new FieldProblem("ownerOrganisationId", "reason.inactive", owner.name()));
        }
    }

    private void alignment(ProjectDescription d, List<FieldProblem> problems) {
        for (int i = 0; i < d.strategies().size(); i++) {
            if (strategy.strategy(d.strategies().get(i)).isEmpty()) {
                problems.add(new FieldProblem("strategies[" + i + "]", "reason.strategy", d.strategies().get(i),
                        strategy.municipality(), strategy.strategies().stream().map(MunicipalStrategy.Strategy::code)
                                .toList()));
            }
        }
        Set<String> actions = strategy.actions().keySet();
        for (int i = 0; i < d.actions().size(); i++) {
            String action = d.actions().get(i);
            if (!actions.contains(action)) {
                problems.add(new FieldProblem("actions[" + i + "]", "reason.action", action));
            } else {
                String of = strategy.strategies().stream()
                        .filter(s -> s.actions().stream().anyMatch(a -> a.code().equals(action)))
                        .findFirst().orElseThrow().code();
                if (!d.strategies().contains(of)) {
                    problems.add(new FieldProblem("actions[" + i + "]", "reason.action.strategy", action, of));
                }
            }
        }
        for (int i = 0; i < d.growthAreas().size(); i++) {
            if (!strategy.isGrowthArea(d.growthAreas().get(i))) {
                problems.add(new FieldProblem("growthAreas[" + i + "]", "reason.growth-area", d.growthAreas().get(i)));
            }
        }
    }

    /** @param limitName the key of the words that name the limit, e.g. "the amount applied for" */
    private static void atMost(Money amount, Money limit, String field, String limitName, List<FieldProblem> problems) {
        if (amount == null || limit == null) {
            return;
        }
        if (!amount.currency().equals(limit.currency())) {
            problems.add(new FieldProblem(field + ".currency", "reason.currency.of-limit", limit.currency(),
                    Reason.of(limitName)));
        } else if (amount.amount().compareTo(limit.amount()) > 0) {
            problems.add(new FieldProblem(field + ".amount", "reason.amount.above-limit", Reason.of(limitName),
                    limit.amount()));
        }
    }

    private static void order(LocalDate start, LocalDate end, String endField, String startField,
                              List<FieldProblem> problems) {
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem(endField, "reason.date.before", Reason.term("field", startField)));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
