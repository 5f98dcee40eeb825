package se.samverka.partnership.broker.interest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;
import se.samverka.reference.Visibility;

/**
 * The body of {@code POST /api/interests} and {@code PUT /api/interests/{id}}: the interest's whole description.
 *
 * @param organisationId the organisation of the directory that states it; cannot change once stated
 * @param countries      ISO 3166-1 alpha-2 codes of where it looks; left out, with no regions: anywhere
 * @param regions        ISO 3166-2 codes, each in one of the countries when any are named
 * @param growthAreas    codes of the growth programme's areas
 * @param sectors        the sectors it wants to work with; left out: any
 * @param projectId      the project it is for, if any: one partnership-service knows from project events
 * @param validUntil     its last day: today or later, at most {@value Interests#LONGEST_YEARS} years ahead
 * @param visibility     left out: INTERNAL
 */
public record InterestDetails(
        @NotBlank String organisationId,
        @NotNull Direction direction,
        @NotEmpty List<@NotNull Purpose> purposes,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        List<@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{reason.country-code}") String> countries,
        List<@NotBlank @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "{validation.region}") String> regions,
        List<@NotNull GlobalTheme> themes,
        List<@NotBlank String> growthAreas,
        List<@NotNull Sector> sectors,
        String projectId,
        @NotNull LocalDate validUntil,
        Visibility visibility) {

    public InterestDetails {
        countries = countries == null ? List.of() : countries;
        regions = regions == null ? List.of() : regions;
        themes = themes == null ? List.of() : themes;
        growthAreas = growthAreas == null ? List.of() : growthAreas;
        sectors = sectors == null ? List.of() : sectors;
    }

    Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.INTERNAL : visibility;
    }
}
