package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A funding call's description changed; carries all of it as it is now. Schema:
 * {@code events/schemas/se.samverka.call.updated.json}.
 *
 * @param description its fields beside {@code callId}
 */
public record CallUpdated(String callId, @JsonUnwrapped CallDescription description) {

    public CallUpdated {
        requireText(callId, "callId");
        Objects.requireNonNull(description, "description is required");
    }
}
