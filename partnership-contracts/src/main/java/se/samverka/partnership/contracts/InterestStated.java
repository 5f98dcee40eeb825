package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * An organisation stated what it offers or seeks internationally. Schema:
 * {@code events/schemas/se.samverka.interest.stated.json}.
 *
 * @param description its fields beside {@code interestId}
 */
public record InterestStated(String interestId, @JsonUnwrapped InterestDescription description) {

    public InterestStated {
        requireText(interestId, "interestId");
        Objects.requireNonNull(description, "description is required");
    }
}
