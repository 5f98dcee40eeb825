package se.samverka.partnership.contact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Someone to contact at an organisation: personal data, kept only here, only until {@code retainUntil}, and never in
 * events, logs or responses meant for partners.
 *
 * @param version     raised by every change of this person; the person's ETag
 * @param lawfulBasis why the municipality may keep the data (GDPR art. 6)
 * @param retainUntil the day after which the data is deleted
 */
public record ContactPerson(
        String id,
        long version,
        String name,
        String role,
        String email,
        String phone,
        LawfulBasis lawfulBasis,
        LocalDate retainUntil,
        Instant registeredAt) {
}
