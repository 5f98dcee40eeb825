package se.samverka.project.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.Money;
import se.samverka.platform.events.project.FundingLine;
import se.samverka.platform.events.reference.FundingProgrammes;
import se.samverka.platform.events.reference.MunicipalStrategy;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.project.directory.Directory;
import se.samverka.project.directory.KnownOrganisation;
import se.samverka.project.directory.KnownPartnership;
import se.samverka.project.project.ProjectRequests.FundingLineDetails;
import se.samverka.project.project.ProjectRequests.MoneyDetails;

/**
 * What a project may refer to and how its numbers must add up. Organisations, contact persons and partnerships are
 * checked against what this service has learnt from partnership-service's events; strategies, actions, growth areas
 * and funding programmes against the reference data. Each problem names its field.
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
            problems.add(new FieldProblem("ownerOrganisationId", "is a partner of the project; an owner cannot be both"));
        }
        Map<String, KnownPartnership> partnerships = directory.partnerships(d.partnershipIds());
        for (int i = 0; i < d.partnershipIds().size(); i++) {
            KnownPartnership partnership = partnerships.get(d.partnershipIds().get(i));
            if (partnership == null) {
                problems.add(unknown("partnershipIds[" + i + "]", "partnership", d.partnershipIds().get(i)));
            } else if (partnership.hasEnded()) {
                problems.add(new FieldProblem("partnershipIds[" + i + "]", "'" + partnership.name() + "' has ended"));
            }
        }
        for (int i = 0; i < d.contactPersonIds().size(); i++) {
            if (!directory.hasContactPerson(d.contactPersonIds().get(i))) {
                problems.add(unknown("contactPersonIds[" + i + "]", "contact person", d.contactPersonIds().get(i)));
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
            problems.add(unknown("organisationId", "organisation", id));
        } else if (!organisation.active()) {
            problems.add(new FieldProblem("organisationId", "'" + organisation.name() + "' is no longer active"));
        }
        if (id.equals(d.ownerOrganisationId())) {
            problems.add(new FieldProblem("organisationId", "is the project's owner"));
        }
        if (partners.stream().anyMatch(existing -> existing.organisationId().equals(id))) {
            problems.add(new FieldProblem("organisationId", "is a partner already"));
        }
        throwIfAny(problems);
    }

    /** A funding line as stored: the programme must exist, and granted and paid must fit what was applied for. */
    FundingLine fundingLine(String id, FundingLineDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (programmes.programme(details.programme()).isEmpty()) {
            problems.add(new FieldProblem("programme", "'" + details.programme() + "' is not a funding programme; known: "
                    + programmes.programmes().stream().map(FundingProgrammes.Programme::code).toList()));
        }
        Money applied = money(details.applied(), "applied", problems);
        Money granted = money(details.granted(), "granted", problems);
        Money paid = money(details.paid(), "paid", problems);
        Money own = money(details.ownContribution(), "ownContribution", problems);
        atMost(granted, applied, "granted", "the amount applied for", problems);
        if (paid != null && granted == null) {
            problems.add(new FieldProblem("paid", "nothing can be paid before an amount is granted"));
        }
        atMost(paid, granted, "paid", "the amount granted", problems);
        throwIfAny(problems);
        return new FundingLine(id, details.programme(), details.call(), applied, granted, paid, own, details.decidedOn(),
                Boolean.TRUE.equals(details.internal()));
    }

    void country(String country, String field) {
        if (country != null && !COUNTRIES.contains(country)) {
            throw new InvalidRequestException(field, "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    private void owner(String id, List<FieldProblem> problems) {
        KnownOrganisation owner = directory.organisation(id).orElse(null);
        if (owner == null) {
            problems.add(unknown("ownerOrganisationId", "organisation", id));
        } else if (!OWNER_TYPES.contains(owner.type())) {
            problems.add(new FieldProblem("ownerOrganisationId", "'" + owner.name() + "' is a " + owner.type()
                    + "; a project is owned by a department, a municipal company or a company"));
        } else if (!owner.active()) {
            problems.add(new FieldProblem("ownerOrganisationId", "'" + owner.name() + "' is no longer active"));
        }
    }

    private void alignment(ProjectDescription d, List<FieldProblem> problems) {
        for (int i = 0; i < d.strategies().size(); i++) {
            if (strategy.strategy(d.strategies().get(i)).isEmpty()) {
                problems.add(new FieldProblem("strategies[" + i + "]", "'" + d.strategies().get(i)
                        + "' is not a strategy of " + strategy.municipality()));
            }
        }
        Set<String> actions = strategy.actions().keySet();
        for (int i = 0; i < d.actions().size(); i++) {
            String action = d.actions().get(i);
            if (!actions.contains(action)) {
                problems.add(new FieldProblem("actions[" + i + "]", "'" + action + "' is not an action of the strategy"));
            } else {
                String of = strategy.strategies().stream()
                        .filter(s -> s.actions().stream().anyMatch(a -> a.code().equals(action)))
                        .findFirst().orElseThrow().code();
                if (!d.strategies().contains(of)) {
                    problems.add(new FieldProblem("actions[" + i + "]", "'" + action + "' belongs to " + of
                            + ", which the project does not serve"));
                }
            }
        }
        for (int i = 0; i < d.growthAreas().size(); i++) {
            if (!strategy.isGrowthArea(d.growthAreas().get(i))) {
                problems.add(new FieldProblem("growthAreas[" + i + "]", "'" + d.growthAreas().get(i)
                        + "' is not an area of the growth programme"));
            }
        }
    }

    private static Money money(MoneyDetails details, String field, List<FieldProblem> problems) {
        if (details == null) {
            return null;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(details.currency());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field + ".currency", "'" + details.currency() + "' is not an ISO 4217 currency"));
            return null;
        }
        BigDecimal amount = details.amount().stripTrailingZeros();
        if (amount.scale() > currency.getDefaultFractionDigits()) {
            problems.add(new FieldProblem(field + ".amount", "has more decimals than " + currency.getCurrencyCode()
                    + " has (" + currency.getDefaultFractionDigits() + ")"));
            return null;
        }
        return new Money(details.amount().setScale(currency.getDefaultFractionDigits()), currency.getCurrencyCode());
    }

    private static void atMost(Money amount, Money limit, String field, String what, List<FieldProblem> problems) {
        if (amount == null || limit == null) {
            return;
        }
        if (!amount.currency().equals(limit.currency())) {
            problems.add(new FieldProblem(field + ".currency", "must be " + limit.currency() + ", the currency of " + what));
        } else if (amount.amount().compareTo(limit.amount()) > 0) {
            problems.add(new FieldProblem(field + ".amount", "is more than " + what + " (" + limit.amount() + ")"));
        }
    }

    private static void order(LocalDate start, LocalDate end, String endField, String startField,
                              List<FieldProblem> problems) {
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem(endField, "must not be before " + startField));
        }
    }

    private static FieldProblem unknown(String field, String what, String id) {
        return new FieldProblem(field, "no " + what + " has the id '" + id + "'");
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
