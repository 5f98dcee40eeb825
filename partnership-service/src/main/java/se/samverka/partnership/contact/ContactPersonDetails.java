package se.samverka.partnership.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/organisations/{id}/contact-persons} and {@code PUT /api/contact-persons/{id}}: work
 * contact details only.
 *
 * @param retainUntil the data is deleted after this day
 */
public record ContactPersonDetails(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String role,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9][0-9 -]{4,30}", message = "{validation.phone}") String phone,
        @NotNull LawfulBasis lawfulBasis,
        @NotNull @Future LocalDate retainUntil) {
}
