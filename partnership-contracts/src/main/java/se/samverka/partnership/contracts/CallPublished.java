package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A funding call entered the register. Schema: {@code events/schemas/se.samverka.call.published.json}.
 *
 * @param description its fields beside {@code callId}
 */
public record CallPublished(String callId, @JsonUnwrapped CallDescription description) {

    public CallPublished {
        requireText(callId, "callId");
        Objects.requireNonNull(description, "description is required");
    }
}
