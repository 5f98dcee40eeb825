package se.samverka.project.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.security.Caller;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.LiteralSearch;
import se.samverka.platform.web.Years;
import se.samverka.reference.Visibility;

/**
 * Which projects a list shows; every part left out matches all. {@code country} matches projects whose owner or a
 * partner is in that country; {@code year}, projects that run some time that year; {@code q} searches acronym,
 * titles and summaries.
 */
public record ProjectFilter(
        ProjectStatus status,
        HealthStatus health,
        String strategy,
        String growthArea,
        String country,
        String owner,
        String programme,
        Integer year,
        Visibility visibility,
        String partnership,
        String q) {

    private static final String D = "state.description.";
    /**
     * The fields a filter compares with a value (the filters every caller outside the municipality gets among them),
     * each indexed, so that a filtered list reads and counts only what matches; a portfolio's other filters are rare.
     */
    static final List<String> COMPARED = List.of("state.status", D + "visibility", D + "ownerOrganisationId",
            D + "strategies", "state.partners.organisationId");

    /** @throws InvalidRequestException (422) for a year no date can be computed from */
    public ProjectFilter {
        Years.problem("year", year).ifPresent(problem -> {
            throw new InvalidRequestException(List.of(problem));
        });
    }

    /**
     * @param organisationsInCountry the ids of the organisations in {@code country}, when it is given
     * @param caller                 who asks: only projects it may read are found
     */
    Query toQuery(Collection<String> organisationsInCountry, Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        if (!caller.isMunicipality()) {
            Criteria shared = Criteria.where(D + "visibility").in(caller.readableVisibilities());
            criteria.add(caller.organisationId() == null ? shared
                    : new Criteria().orOperator(shared, Criteria.where(D + "ownerOrganisationId").is(caller.organisationId())));
        }
        equal(criteria, "state.status", status == null ? null : status.name());
        equal(criteria, "state.health.status", health == null ? null : health.name());
        equal(criteria, D + "strategies", strategy);
        equal(criteria, D + "growthAreas", growthArea);
        equal(criteria, D + "ownerOrganisationId", owner);
        equal(criteria, "state.fundingLines.programme", programme);
        equal(criteria, D + "visibility", visibility == null ? null : visibility.name());
        equal(criteria, D + "partnershipIds", partnership);
        if (country != null) {
            criteria.add(new Criteria().orOperator(Criteria.where(D + "ownerOrganisationId").in(organisationsInCountry),
                    Criteria.where("state.partners.organisationId").in(organisationsInCountry)));
        }
        if (year != null) {
            criteria.add(Criteria.where("state.activeFrom").lte(LocalDate.of(year, 12, 31)));
            criteria.add(new Criteria().orOperator(Criteria.where("state.activeUntil").gte(LocalDate.of(year, 1, 1)),
                    Criteria.where("state.activeUntil").exists(false)));
        }
        LiteralSearch.containing(q).ifPresent(text -> criteria.add(new Criteria().orOperator(
                Criteria.where(D + "acronym").regex(text), Criteria.where(D + "title").regex(text),
                Criteria.where(D + "titleEn").regex(text), Criteria.where(D + "summary").regex(text))));
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }

    private static void equal(List<Criteria> criteria, String field, Object value) {
        if (value != null) {
            criteria.add(Criteria.where(field).is(value));
        }
    }
}
