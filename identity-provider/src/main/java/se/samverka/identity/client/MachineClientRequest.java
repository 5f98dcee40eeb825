package se.samverka.identity.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.samverka.platform.tokens.Role;

/**
 * The body of {@code POST /api/machine-clients}: whose system it is and what it may do.
 *
 * @param organisationId needed for every role but ADMIN
 */
public record MachineClientRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String organisationId,
        @NotNull Role role) {
}
