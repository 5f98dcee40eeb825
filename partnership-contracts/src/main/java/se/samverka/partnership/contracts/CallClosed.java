package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A funding call's deadline has passed: it takes no more applications. Schema:
 * {@code events/schemas/se.samverka.call.closed.json}.
 */
public record CallClosed(String callId, LocalDate deadline) {

    public CallClosed {
        requireText(callId, "callId");
        Objects.requireNonNull(deadline, "deadline is required");
    }
}
