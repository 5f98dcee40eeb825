package se.samverka.platform.events.project;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A project entered the portfolio. Schema: {@code events/schemas/se.samverka.project.registered.json}.
 *
 * @param ownerOrganisationId the department, municipal company or company that owns it
 * @param status              the lifecycle status it starts in, e.g. IDEA
 * @param visibility          INTERNAL, COUNTY or PUBLIC
 */
public record ProjectRegistered(
        String projectId,
        String acronym,
        String title,
        String ownerOrganisationId,
        String status,
        String visibility) {

    public ProjectRegistered {
        requireText(projectId, "projectId");
        requireText(title, "title");
        requireText(ownerOrganisationId, "ownerOrganisationId");
        requireText(status, "status");
        requireText(visibility, "visibility");
    }
}
