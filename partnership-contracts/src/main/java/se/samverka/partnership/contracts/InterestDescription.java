package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an interest is, as its events publish it: the part of {@link InterestStated} and {@link InterestUpdated} that
 * both restate, travelling flat beside {@code interestId}. The summary is content, like a project's (ADR 0005).
 *
 * @param organisationId the organisation of the directory that states it
 * @param direction      OFFERS or SEEKS
 * @param purposes       EXPORT, EXCHANGE, COMPETENCE, APPLICATION_PARTNERS
 * @param countries      ISO 3166-1 alpha-2 codes of where it looks; empty (with no regions): anywhere
 * @param regions        ISO 3166-2 codes of regions it looks at, e.g. FI-05 (Kainuu)
 * @param themes         the global questions it concerns
 * @param growthAreas    codes of the growth programme's areas
 * @param sectors        the sectors it wants to work with: PUBLIC, PRIVATE, SOCIAL_ECONOMY; empty: any
 * @param projectId      the project it is for (e.g. partners sought for its application), if any
 * @param validUntil     the last day it stands
 * @param visibility     INTERNAL, COUNTY or PUBLIC
 */
public record InterestDescription(
        String organisationId,
        String direction,
        List<String> purposes,
        String title,
        String summary,
        List<String> countries,
        List<String> regions,
        List<String> themes,
        List<String> growthAreas,
        List<String> sectors,
        String projectId,
        LocalDate validUntil,
        String visibility) {

    public InterestDescription {
        requireText(organisationId, "organisationId");
        requireText(direction, "direction");
        purposes = copyOf(purposes, "purposes");
        requireText(title, "title");
        countries = copyOf(countries, "countries");
        regions = copyOf(regions, "regions");
        themes = copyOf(themes, "themes");
        growthAreas = copyOf(growthAreas, "growthAreas");
        sectors = copyOf(sectors, "sectors");
        Objects.requireNonNull(validUntil, "validUntil is required");
        requireText(visibility, "visibility");
    }
}
