package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * An interest's description changed; carries all of it as it is now. Schema:
 * {@code events/schemas/se.samverka.interest.updated.json}.
 *
 * @param description its fields beside {@code interestId}
 */
public record InterestUpdated(String interestId, @JsonUnwrapped InterestDescription description) {

    public InterestUpdated {
        requireText(interestId, "interestId");
        Objects.requireNonNull(description, "description is required");
    }
}
