package se.samverka.partnership.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/calls/{id}/withdrawal}. */
public record WithdrawalDetails(@NotBlank @Size(max = 2000) String reason) {
}
