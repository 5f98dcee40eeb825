package se.samverka.project.project;

import se.samverka.platform.events.Visibility;
import se.samverka.platform.messaging.outbox.Versioned;

/** A project as the API shows it. */
public record ProjectResource(
        String id,
        long version,
        String acronym,
        String title,
        String ownerOrganisationId,
        ProjectStatus status,
        Visibility visibility) {

    static ProjectResource of(Versioned<Project> project) {
        Project state = project.state();
        return new ProjectResource(project.id(), project.version(), state.acronym(), state.title(),
                state.ownerOrganisationId(), state.status(), state.visibility());
    }
}
