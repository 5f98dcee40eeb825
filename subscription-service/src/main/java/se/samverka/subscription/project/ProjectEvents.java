package se.samverka.subscription.project;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.rebuild.RebuildableReadModel;

/**
 * Follows {@code samverka.projects} ({@link Follower}): keeps each project's view in sequence and hands every event,
 * with the project before and after it, to the listeners. The views are kept in generations: a rebuild fills a new
 * one from the topic with the views alone, the listeners hearing nothing again.
 */
// Named apart from the binding function "projectEvents" of application.yml.
@Component("projectFollower")
public class ProjectEvents {

    private final GenerationalStore<ProjectView> projects;
    private final Follower<ProjectView> follower;

    public ProjectEvents(Generations generations, List<FollowedEventListener> listeners,
                         Announcements announcements) {
        this.projects = generations.store("projects", ProjectView.class);
        this.follower = new Follower<>(projects, ProjectViews::next, ProjectEvent::new, listeners, announcements);
    }

    public Optional<ProjectView> project(String projectId) {
        return projects.serving().find(projectId);
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        /** Bound to {@code samverka.projects} in application.yml. */
        @Bean
        Consumer<Message<List<byte[]>>> projectEvents(EventConsumers consumers, ProjectEvents events) {
            return consumers.readModel(new ReadModelBinding("subscription-projects", "projectEvents",
                    events.projects::live, events.follower.handlers()));
        }

        /** Bound to {@code samverka.organisations}. */
        @Bean
        Consumer<Message<List<byte[]>>> organisationEvents(EventConsumers consumers, Directory directory) {
            return readModel(consumers, "subscription-organisations", "organisationEvents",
                    directory.organisationProjection());
        }

        /** Bound to {@code samverka.partnerships}. */
        @Bean
        Consumer<Message<List<byte[]>>> partnershipEvents(EventConsumers consumers, Directory directory) {
            return readModel(consumers, "subscription-partnerships", "partnershipEvents",
                    directory.partnershipProjection());
        }

        @Bean
        RebuildableReadModel<ProjectView> projectsRebuilt(ProjectEvents events) {
            return new RebuildableReadModel<>("projectEvents", events.projects,
                    ProjectViews.projection(events.projects));
        }

        @Bean
        RebuildableReadModel<Directory.KnownOrganisation> organisationsRebuilt(Directory directory) {
            return new RebuildableReadModel<>("organisationEvents", directory.organisationStore(),
                    directory.organisationProjection());
        }

        @Bean
        RebuildableReadModel<Directory.KnownPartnership> partnershipsRebuilt(Directory directory) {
            return new RebuildableReadModel<>("partnershipEvents", directory.partnershipStore(),
                    directory.partnershipProjection());
        }

        private static Consumer<Message<List<byte[]>>> readModel(EventConsumers consumers, String name, String function,
                                                           Projection<?> projection) {
            return consumers.readModel(new ReadModelBinding(name, function, projection::store, projection.handlers()));
        }
    }
}
