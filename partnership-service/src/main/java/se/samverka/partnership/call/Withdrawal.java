package se.samverka.partnership.call;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import se.samverka.platform.messaging.personaldata.StaffMember;

/**
 * Why, when and by whom a call was taken out of the register. The reason stays in the register: its event says only
 * that the call was withdrawn.
 *
 * @param bySubject who withdrew it, as their tokens' subject: kept to find a person's entries, never shown; null for
 *                  withdrawals older than its keeping
 */
public record Withdrawal(String reason, Instant at, String by, @JsonIgnore String bySubject) {

    boolean by(StaffMember person) {
        return person.named(bySubject, by);
    }

    /** The withdrawal as made by whom {@code replacement} names. */
    Withdrawal by(String replacement) {
        return new Withdrawal(reason, at, replacement, replacement);
    }
}
