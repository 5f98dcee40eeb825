package se.samverka.partnership.register;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/**
 * The partnership's agreement, also the body of {@code PUT /api/partnerships/{id}/agreement}.
 *
 * @param validTo   left out: open-ended
 * @param renewalOn when it is due for renewal, if ever
 */
public record Agreement(
        @NotNull AgreementType type,
        @NotNull @PastOrPresent LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate renewalOn) {

    @AssertTrue(message = "{validation.agreement.valid-to}")
    boolean isValidTo() {
        return validTo == null || validFrom == null || !validTo.isBefore(validFrom);
    }
}
