package se.samverka.partnership.register;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * The body of {@code POST /api/partnerships} (with its parties: at least two organisations of the directory) and of
 * {@code PUT /api/partnerships/{id}} (without: parties, agreement, decisions and status have their own endpoints).
 *
 * @param visibility left out: INTERNAL
 */
public record PartnershipDetails(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameEn,
        @Size(max = 4000) String description,
        @NotNull PartnershipType type,
        Visibility visibility,
        String responsibleDepartmentId,
        List<@NotNull GlobalTheme> themes,
        List<@NotBlank String> strategies,
        List<@NotNull @Valid PartnershipParty> parties) {

    Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.INTERNAL : visibility;
    }
}
