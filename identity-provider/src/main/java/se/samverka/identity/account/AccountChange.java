package se.samverka.identity.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.samverka.platform.tokens.Role;

/** The body of {@code PUT /api/accounts/{id}}: the coordinator changes a person's name, organisation and role. */
public record AccountChange(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String organisationId,
        @NotNull Role role,
        Boolean lead) {

    boolean isLead() {
        return Boolean.TRUE.equals(lead);
    }
}
