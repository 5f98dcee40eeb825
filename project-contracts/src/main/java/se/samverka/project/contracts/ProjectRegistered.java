package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.copyOfOptional;
import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.List;

/**
 * A project entered the portfolio. Schema: {@code events/schemas/se.samverka.project.registered.json}. The fields
 * after {@code partnershipIds} are absent in events published before they were added.
 *
 * @param ownerOrganisationId the organisation that owns the project
 * @param status              the lifecycle status it starts in, e.g. IDEA
 * @param visibility          INTERNAL, COUNTY or PUBLIC
 * @param partnershipIds      the partnerships it belongs to
 */
public record ProjectRegistered(
        String projectId,
        String acronym,
        String title,
        String ownerOrganisationId,
        String status,
        String visibility,
        List<String> partnershipIds,
        String titleEn,
        String summary,
        String summaryEn,
        String registrationNumber,
        List<String> contactPersonIds,
        List<String> strategies,
        List<String> actions,
        List<String> growthAreas,
        List<String> themes,
        List<Integer> sdgs,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd) {

    public ProjectRegistered {
        requireText(projectId, "projectId");
        requireText(title, "title");
        requireText(ownerOrganisationId, "ownerOrganisationId");
        requireText(status, "status");
        requireText(visibility, "visibility");
        partnershipIds = copyOfOptional(partnershipIds);
        contactPersonIds = copyOfOptional(contactPersonIds);
        strategies = copyOfOptional(strategies);
        actions = copyOfOptional(actions);
        growthAreas = copyOfOptional(growthAreas);
        themes = copyOfOptional(themes);
        sdgs = copyOfOptional(sdgs);
    }
}
