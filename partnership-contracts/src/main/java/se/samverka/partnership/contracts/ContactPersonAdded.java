package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A contact person was registered for the organisation; only the id travels. Schema:
 * {@code events/schemas/se.samverka.organisation.contactPersonAdded.json}.
 */
public record ContactPersonAdded(String organisationId, String contactPersonId) {

    public ContactPersonAdded {
        requireText(organisationId, "organisationId");
        requireText(contactPersonId, "contactPersonId");
    }
}
