package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.List;

/**
 * A project's description changed; carries all of it as it is now, including every partnership it belongs to. Schema:
 * {@code events/schemas/se.samverka.project.updated.json}.
 *
 * @param actions codes of the strategy's actions (åtgärder) it carries out, e.g. S3.1
 * @param sdgs    the UN Sustainable Development Goals it serves, 1 to 17
 */
public record ProjectUpdated(
        String projectId,
        String acronym,
        String title,
        String titleEn,
        String summary,
        String summaryEn,
        String registrationNumber,
        String ownerOrganisationId,
        List<String> contactPersonIds,
        String visibility,
        List<String> partnershipIds,
        List<String> strategies,
        List<String> actions,
        List<String> growthAreas,
        List<String> themes,
        List<Integer> sdgs,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd) {

    public ProjectUpdated {
        requireText(projectId, "projectId");
        requireText(title, "title");
        requireText(ownerOrganisationId, "ownerOrganisationId");
        requireText(visibility, "visibility");
        contactPersonIds = copyOf(contactPersonIds, "contactPersonIds");
        partnershipIds = copyOf(partnershipIds, "partnershipIds");
        strategies = copyOf(strategies, "strategies");
        actions = copyOf(actions, "actions");
        growthAreas = copyOf(growthAreas, "growthAreas");
        themes = copyOf(themes, "themes");
        sdgs = copyOf(sdgs, "sdgs");
    }
}
