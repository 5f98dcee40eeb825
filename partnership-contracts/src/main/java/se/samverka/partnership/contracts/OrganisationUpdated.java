package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * An organisation's description changed; carries all of it as it is now. Schema:
 * {@code events/schemas/se.samverka.organisation.updated.json}.
 *
 * @param description its fields beside {@code organisationId}, sector and active flag included
 */
public record OrganisationUpdated(String organisationId, @JsonUnwrapped OrganisationDescription description) {

    public OrganisationUpdated {
        requireText(organisationId, "organisationId");
        Objects.requireNonNull(description, "description is required");
        description.requireSectorAndActive();
    }
}
