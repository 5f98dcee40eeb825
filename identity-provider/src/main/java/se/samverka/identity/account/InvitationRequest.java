package se.samverka.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.samverka.platform.tokens.Role;

/**
 * The body of {@code POST /api/accounts/invitations}: who is invited, for which organisation and role.
 *
 * @param organisationId needed for every role but ADMIN
 * @param lead           makes the person their organisation's lead (STAFF only); false when left out
 */
public record InvitationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 100) String organisationId,
        @NotNull Role role,
        Boolean lead) {

    boolean isLead() {
        return Boolean.TRUE.equals(lead);
    }
}
