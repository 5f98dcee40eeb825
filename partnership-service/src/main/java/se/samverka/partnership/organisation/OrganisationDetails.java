package se.samverka.partnership.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.samverka.reference.Sector;

/**
 * The body of {@code POST /api/organisations} and {@code PUT /api/organisations/{id}}: the organisation's whole
 * description.
 *
 * @param sector may be left out where the type decides it
 * @param active left out: true for a new organisation, unchanged for an existing one
 */
public record OrganisationDetails(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameEn,
        @NotNull OrganisationType type,
        Sector sector,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{reason.country-code}")
        String country,
        @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "{validation.region}")
        String region,
        @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{0,3}", message = "{validation.nuts}")
        String nutsCode,
        @Size(max = 40) String organisationNumber,
        @Size(max = 300) String website,
        String parentOrganisationId,
        Boolean active) {
}
