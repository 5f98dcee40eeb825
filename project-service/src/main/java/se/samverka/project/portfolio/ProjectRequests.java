package se.samverka.project.portfolio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.samverka.platform.web.MoneyDetails;
import se.samverka.project.contracts.DecisionReference;
import se.samverka.reference.Sector;

/** The bodies of the requests that change a project's parts. */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /**
     * @param programme a code of the funding programmes, e.g. INTERREG_AURORA ({@code GET /api/reference})
     * @param callId    the call of the register it answers ({@code GET /api/calls}), of the same programme; left out:
     *                  none
     * @param granted   left out until the funder has decided
     * @param internal  for the municipality's eyes only; left out: false
     */
    public record FundingLineDetails(
            @NotBlank String programme,
            @Size(max = 120) String call,
            @Size(max = 100) String callId,
            @NotNull @Valid MoneyDetails applied,
            @Valid MoneyDetails granted,
            @Valid MoneyDetails paid,
            @Valid MoneyDetails ownContribution,
            @PastOrPresent LocalDate decidedOn,
            Boolean internal) {
    }

    public record IndicatorDetails(
            @NotNull IndicatorKind kind,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 60) String unit,
            BigDecimal baseline,
            @NotNull BigDecimal target) {
    }

    public record IndicatorReportDetails(
            @NotNull @PastOrPresent LocalDate reportedOn,
            @NotNull BigDecimal value,
            @Size(max = 2000) String note) {
    }

    public record ParticipationDetails(
            @NotNull Sector sector,
            @NotNull Gender gender,
            @NotNull @Min(0) @Max(100_000) Integer count) {
    }

    public record ActivityDetails(
            @NotNull ActivityType type,
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate heldOn,
            @Size(max = 200) String place,
            @Pattern(regexp = "[A-Z]{2}", message = "{reason.country-code}") String country,
            List<@NotNull @Valid ParticipationDetails> participants) {
    }

    public record HealthDetails(@NotNull HealthStatus status, @Size(max = 2000) String note) {
    }

    /** Who decided, when, under which paragraph (§) and diarienummer. */
    public record DecisionDetails(
            @NotBlank @Size(max = 120) String body,
            @NotNull @PastOrPresent LocalDate decidedOn,
            @Size(max = 20) String paragraph,
            @Size(max = 40) String registrationNumber) {

        DecisionReference reference() {
            return new DecisionReference(body.strip(), decidedOn, paragraph, registrationNumber);
        }
    }

    /** A step in the lifecycle, why, and the decision it rests on if any. */
    public record TransitionDetails(
            @NotNull ProjectStatus to,
            @NotBlank @Size(max = 2000) String reason,
            @Valid DecisionDetails decision) {
    }

    /**
     * Projects from the system a portfolio was kept in before, at most 200 a request.
     */
    public record ProjectImports(@NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ProjectImport> projects) {
    }

    /**
     * One project as an import brings it: registered, then given its parts and taken through its lifecycle, as the
     * single requests would, in one write.
     *
     * @param key         the project's name in the system it comes from, unique per owner: an import sent again (after
     *                    a lost answer, say) finds the projects it made by their keys and makes only what is missing
     * @param finalReport recorded before the steps, which may need it
     * @param transitions the steps from IDEA, in their order
     */
    public record ProjectImport(
            @NotBlank @Size(max = 200) String key,
            @NotNull @Valid ProjectDescription description,
            List<@NotNull @Valid Partner> partners,
            List<@NotNull @Valid FundingLineDetails> fundingLines,
            List<@NotNull @Valid ImportedIndicator> indicators,
            List<@NotNull @Valid ActivityDetails> activities,
            @Valid FinalReport finalReport,
            List<@NotNull @Valid TransitionDetails> transitions,
            @Valid HealthDetails health) {

        public ProjectImport {
            partners = orEmpty(partners);
            fundingLines = orEmpty(fundingLines);
            indicators = orEmpty(indicators);
            activities = orEmpty(activities);
            transitions = orEmpty(transitions);
        }
    }

    /** An indicator and what has been reported on it. */
    public record ImportedIndicator(@NotNull @Valid IndicatorDetails definition,
                                    List<@NotNull @Valid IndicatorReportDetails> reports) {

        public ImportedIndicator {
            reports = orEmpty(reports);
        }
    }

    /**
     * What an import made of each project, in the order they came.
     *
     * @param created false where the key's project was there already and is left as it is
     */
    public record ImportedProject(String key, String id, long version, boolean created) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
