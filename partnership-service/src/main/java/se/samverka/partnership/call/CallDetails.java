package se.samverka.partnership.call;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.platform.web.MoneyDetails;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * The body of {@code POST /api/calls} and {@code PUT /api/calls/{id}}: the call's whole description.
 *
 * @param programme                 a code of the funding programmes ({@code samverka.funding-programmes.file})
 * @param deadline                  the last day applications are taken
 * @param eligibleCountries         ISO 3166-1 alpha-2; left out or empty: any
 * @param eligibleOrganisationTypes left out or empty: any
 * @param url                       the programme's page for the call, https:// or http://
 * @param visibility                left out: PUBLIC, since a call is its programme's public announcement
 */
public record CallDetails(
        @NotBlank @Size(max = 60) String programme,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 300) String nameEn,
        @Size(max = 4000) String summary,
        LocalDate opensOn,
        @NotNull LocalDate deadline,
        @Valid MoneyDetails budget,
        List<@NotNull GlobalTheme> themes,
        List<@NotBlank String> growthAreas,
        List<@NotBlank String> strategies,
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "{reason.country-code}") String> eligibleCountries,
        List<@NotNull OrganisationType> eligibleOrganisationTypes,
        @Size(max = 500) String url,
        Visibility visibility) {


    Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.PUBLIC : visibility;
    }
}
