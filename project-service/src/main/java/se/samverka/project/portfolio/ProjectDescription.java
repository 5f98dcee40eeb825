package se.samverka.project.portfolio;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * What a project is: its identity, whose it is, what it serves, when it runs. The body of {@code POST /api/projects}
 * and {@code PUT /api/projects/{id}}, and the part of a project's state it describes.
 *
 * @param registrationNumber  the municipality's diarienummer
 * @param ownerOrganisationId a department, municipal company or company of the directory
 * @param contactPersonIds    contact persons of the directory, by id (their data stays in partnership-service)
 * @param visibility          left out: INTERNAL
 * @param strategies          codes of the municipality's strategies, e.g. S1
 * @param actions             codes of the strategy's actions, each under one of {@code strategies}, e.g. S1.2
 * @param growthAreas         codes of the growth programme's areas, e.g. EDUCATION_CITY
 * @param sdgs                UN Sustainable Development Goals, 1 to 17
 * @param mutualInterest      what each side gains: the strategy asks for mutual interest with clear results
 */
public record ProjectDescription(
        @Size(max = 30) String acronym,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 300) String titleEn,
        @Size(max = 4000) String summary,
        @Size(max = 4000) String summaryEn,
        @Size(max = 40) String registrationNumber,
        @NotBlank String ownerOrganisationId,
        List<@NotBlank String> contactPersonIds,
        Visibility visibility,
        List<@NotBlank String> partnershipIds,
        List<@NotBlank String> strategies,
        List<@NotBlank String> actions,
        List<@NotBlank String> growthAreas,
        List<@NotNull GlobalTheme> themes,
        List<@NotNull @Min(1) @Max(17) Integer> sdgs,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd,
        @Size(max = 4000) String mutualInterest) {

    /** The same description with defaults filled in, blanks as absent and lists never null. */
    ProjectDescription normalized() {
        return new ProjectDescription(blank(acronym), title.strip(), blank(titleEn), blank(summary), blank(summaryEn),
                blank(registrationNumber), ownerOrganisationId, list(contactPersonIds),
                visibility == null ? Visibility.INTERNAL : visibility, list(partnershipIds), list(strategies),
                list(actions), list(growthAreas), list(themes), list(sdgs), plannedStart, plannedEnd, actualStart,
                actualEnd, blank(mutualInterest));
    }

    /** The description as the project's events carry it: codes as text, the mutual interest left here. */
    se.samverka.project.contracts.ProjectDescription published() {
        return new se.samverka.project.contracts.ProjectDescription(acronym, title, titleEn, summary, summaryEn,
                registrationNumber, ownerOrganisationId, contactPersonIds, visibility.name(), partnershipIds,
                strategies, actions, growthAreas, themes.stream().map(Enum::name).toList(), sdgs, plannedStart,
                plannedEnd, actualStart, actualEnd);
    }

    ProjectDescription withoutContactPerson(String contactPersonId) {
        return new ProjectDescription(acronym, title, titleEn, summary, summaryEn, registrationNumber,
                ownerOrganisationId, contactPersonIds.stream().filter(id -> !id.equals(contactPersonId)).toList(),
                visibility, partnershipIds, strategies, actions, growthAreas, themes, sdgs, plannedStart, plannedEnd,
                actualStart, actualEnd, mutualInterest);
    }

    /** What may be shown outside the municipality: no contact persons, only the partnerships the reader may see. */
    ProjectDescription sharedOutside(List<String> readablePartnershipIds) {
        return new ProjectDescription(acronym, title, titleEn, summary, summaryEn, registrationNumber,
                ownerOrganisationId, List.of(), visibility, readablePartnershipIds, strategies, actions, growthAreas,
                themes, sdgs, plannedStart, plannedEnd, actualStart, actualEnd, mutualInterest);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
