package se.samverka.partnership.contact;

import java.time.Instant;

/**
 * Everything Samverka holds about one person, for a data subject access request (GDPR art. 15). Other services hold
 * only the person's id, never their data.
 */
public record ContactPersonExport(
        Instant exportedAt,
        String controller,
        ContactPersonResource person,
        String organisationName,
        String heldIn,
        String purpose) {
}
