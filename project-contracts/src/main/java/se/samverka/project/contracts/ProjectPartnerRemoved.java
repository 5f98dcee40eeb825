package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/** An organisation is no longer a partner. Schema: {@code events/schemas/se.samverka.project.partnerRemoved.json}. */
public record ProjectPartnerRemoved(String projectId, String organisationId) {

    public ProjectPartnerRemoved {
        requireText(projectId, "projectId");
        requireText(organisationId, "organisationId");
    }
}
