package se.samverka.identity.account;

import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/accounts/{id}/deactivation}: why, for the log (optional). */
public record Deactivation(@Size(max = 500) String reason) {
}
