package se.samverka.partnership.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/partnerships/{id}/decisions}.
 *
 * @param body               who decided: kommunfullmäktige, kommunstyrelsen, a nämnd
 * @param paragraph          the paragraph (§) in the minutes, e.g. 185
 * @param registrationNumber the diarienummer, e.g. 1783/200
 */
public record DecisionDetails(
        @NotBlank @Size(max = 120) String body,
        @NotNull @PastOrPresent LocalDate decidedOn,
        @Size(max = 20) String paragraph,
        @Size(max = 40) String registrationNumber,
        @Size(max = 2000) String note) {
}
