package se.samverka.project.portfolio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
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
import se.samverka.project.contracts.DecisionReference;
import se.samverka.reference.Sector;

/** The bodies of the requests that change a project's parts. */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /** An exact amount: a decimal (as a string or a number) and an ISO 4217 currency. */
    public record MoneyDetails(
            @NotNull @DecimalMin("0") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency) {
    }

    /**
     * @param programme a code of the funding programmes, e.g. INTERREG_AURORA ({@code GET /api/reference})
     * @param granted   left out until the funder has decided
     * @param internal  for the municipality's eyes only; left out: false
     */
    public record FundingLineDetails(
            @NotBlank String programme,
            @Size(max = 120) String call,
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
}
