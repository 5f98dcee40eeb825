package se.samverka.partnership.contact;

import java.time.Instant;
import java.time.LocalDate;

/** A contact person as staff see it through the API. */
public record ContactPersonResource(
        String id,
        long version,
        String organisationId,
        String name,
        String role,
        String email,
        String phone,
        LawfulBasis lawfulBasis,
        LocalDate retainUntil,
        Instant registeredAt) {

    static ContactPersonResource of(String organisationId, ContactPerson person) {
        return new ContactPersonResource(person.id(), person.version(), organisationId, person.name(), person.role(),
                person.email(), person.phone(), person.lawfulBasis(), person.retainUntil(), person.registeredAt());
    }
}
