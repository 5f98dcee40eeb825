package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * An organisation became a partner of the project: LEAD, PARTNER, ASSOCIATED or FUNDER. Schema:
 * {@code events/schemas/se.samverka.project.partnerAdded.json}.
 */
public record ProjectPartnerAdded(String projectId, String organisationId, String role) {

    public ProjectPartnerAdded {
        requireText(projectId, "projectId");
        requireText(organisationId, "organisationId");
        requireText(role, "role");
    }
}
