package se.samverka.project.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An organisation of the directory taking part in a project, with its role; also the body that adds one. */
public record Partner(@NotBlank String organisationId, @NotNull PartnerRole role) {
}
