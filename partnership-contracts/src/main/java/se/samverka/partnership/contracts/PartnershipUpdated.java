package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A partnership's description changed; carries all of it as it is now. Schema:
 * {@code events/schemas/se.samverka.partnership.updated.json}.
 *
 * @param description its fields beside {@code partnershipId}, every list present
 */
public record PartnershipUpdated(String partnershipId, @JsonUnwrapped PartnershipDescription description) {

    public PartnershipUpdated {
        requireText(partnershipId, "partnershipId");
        Objects.requireNonNull(description, "description is required");
        description.requireEveryList();
    }
}
