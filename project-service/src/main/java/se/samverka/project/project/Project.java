package se.samverka.project.project;

import se.samverka.platform.events.Visibility;

/** A time-bound piece of international work. */
public record Project(
        String acronym,
        String title,
        String ownerOrganisationId,
        ProjectStatus status,
        Visibility visibility) {
}
