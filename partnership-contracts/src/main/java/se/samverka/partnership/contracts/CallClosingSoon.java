package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A funding call's deadline is near: announced once for each of the lead times the register is configured with (30
 * and 7 days by default). Schema: {@code events/schemas/se.samverka.call.closingSoon.json}.
 *
 * @param daysLeft the lead time this notice is for
 */
public record CallClosingSoon(String callId, LocalDate deadline, int daysLeft) {

    public CallClosingSoon {
        requireText(callId, "callId");
        Objects.requireNonNull(deadline, "deadline is required");
    }
}
