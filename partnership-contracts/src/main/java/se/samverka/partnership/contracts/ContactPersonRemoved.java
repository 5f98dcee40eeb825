package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A contact person's data was deleted; references to the id must go too. Schema:
 * {@code events/schemas/se.samverka.organisation.contactPersonRemoved.json}.
 *
 * @param reason ERASED, RETENTION_EXPIRED or REMOVED
 */
public record ContactPersonRemoved(String organisationId, String contactPersonId, String reason) {

    public ContactPersonRemoved {
        requireText(organisationId, "organisationId");
        requireText(contactPersonId, "contactPersonId");
        requireText(reason, "reason");
    }
}
