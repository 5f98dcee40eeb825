package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/** An organisation that is a party to a partnership, and its role (LEAD, PARTNER, MEMBER, FUNDER, OBSERVER). */
public record Party(String organisationId, String role) {

    public Party {
        requireText(organisationId, "organisationId");
        requireText(role, "role");
    }
}
