package se.samverka.partnership.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/organisations}. */
public record RegisterOrganisation(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationType type,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SE or PL")
        String country) {
}
