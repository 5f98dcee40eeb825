package se.samverka.partnership.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An organisation of the directory that is a party to a partnership, with its role. */
public record PartnershipParty(@NotBlank String organisationId, @NotNull PartyRole role) {
}
