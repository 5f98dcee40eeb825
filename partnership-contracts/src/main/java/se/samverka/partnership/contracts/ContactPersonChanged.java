package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A contact person's data changed; only the ids travel. Schema:
 * {@code events/schemas/se.samverka.organisation.contactPersonChanged.json}.
 */
public record ContactPersonChanged(String organisationId, String contactPersonId) {

    public ContactPersonChanged {
        requireText(organisationId, "organisationId");
        requireText(contactPersonId, "contactPersonId");
    }
}
