package se.samverka.partnership.partnership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.samverka.platform.events.Visibility;

/**
 * The body of {@code POST /api/partnerships}.
 *
 * @param visibility who may see it; INTERNAL when left out
 */
public record RegisterPartnership(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnershipType type,
        Visibility visibility,
        @NotNull @Size(min = 2, message = "needs at least two organisations") List<@NotBlank String> partyOrganisationIds) {
}
