package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * An organisation entered the actor directory. Schema: {@code events/schemas/se.samverka.organisation.registered.json}.
 *
 * @param description all of it as it was registered, its fields beside {@code organisationId}
 */
public record OrganisationRegistered(String organisationId, @JsonUnwrapped OrganisationDescription description) {

    public OrganisationRegistered {
        requireText(organisationId, "organisationId");
        Objects.requireNonNull(description, "description is required");
    }
}
