package se.samverka.project.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.samverka.platform.events.Visibility;

/**
 * The body of {@code POST /api/projects}.
 *
 * @param ownerOrganisationId a department, municipal company or company of the directory
 * @param visibility          who may see it; INTERNAL when left out
 */
public record RegisterProject(
        @Size(max = 30) String acronym,
        @NotBlank @Size(max = 300) String title,
        @NotBlank String ownerOrganisationId,
        Visibility visibility) {
}
