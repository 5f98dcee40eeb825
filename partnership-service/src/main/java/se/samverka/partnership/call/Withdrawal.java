package se.samverka.partnership.call;

import java.time.Instant;

/**
 * Why, when and by whom a call was taken out of the register. The reason stays in the register: its event says only
 * that the call was withdrawn.
 */
public record Withdrawal(String reason, Instant at, String by) {
}
