package se.samverka.project.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The project's final report; also the body of {@code PUT /api/projects/{id}/final-report}. */
public record FinalReport(
        @NotNull @PastOrPresent LocalDate submittedOn,
        @NotBlank @Size(max = 8000) String summary) {
}
