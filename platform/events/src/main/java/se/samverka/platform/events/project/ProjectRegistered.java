package se.samverka.platform.events.project;

import static se.samverka.platform.events.Contracts.copyOfOptional;
import static se.samverka.platform.events.Contracts.requireText;

import java.util.List;

/**
 * A project entered the portfolio. Schema: {@code events/schemas/se.samverka.project.registered.json}.
 *
 * @param ownerOrganisationId the department, municipal company or company that owns it
 * @param status              the lifecycle status it starts in, e.g. IDEA
 * @param visibility          INTERNAL, COUNTY or PUBLIC
 * @param partnershipIds      the partnerships it belongs to; absent in events published before it was added
 */
public record ProjectRegistered(
        String projectId,
        String acronym,
        String title,
        String ownerOrganisationId,
        String status,
        String visibility,
        List<String> partnershipIds) {

    public ProjectRegistered {
        requireText(projectId, "projectId");
        requireText(title, "title");
        requireText(ownerOrganisationId, "ownerOrganisationId");
        requireText(status, "status");
        requireText(visibility, "visibility");
        partnershipIds = copyOfOptional(partnershipIds);
    }
}
