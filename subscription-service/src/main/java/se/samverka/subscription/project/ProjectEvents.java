package se.samverka.subscription.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ApplyOutcome;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventHandlers;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.rebuild.RebuildableReadModel;

/**
 * Follows {@code samverka.projects}: keeps each project's view in sequence and hands every event, with the project
 * before and after it, to the listeners. Their durable part runs before the view is stored, so a crash in between
 * repeats it (they deduplicate by event id) and a redelivered record, already applied, repeats nothing. Their live
 * part hears of the event through {@link Announcements}, at every instance of the service. The views are kept in
 * generations: a rebuild fills a new one from the topic with the views alone, the listeners hearing nothing again.
 */
// Named apart from the binding function "projectEvents" of application.yml.
@Component("projectFollower")
public class ProjectEvents {

    private final GenerationalStore<ProjectView> projects;
    private final List<ProjectEventListener> listeners;
    private final Announcements announcements;

    public ProjectEvents(Generations generations, List<ProjectEventListener> listeners,
                         Announcements announcements) {
        this.projects = generations.store("projects", ProjectView.class);
        this.listeners = listeners;
        this.announcements = announcements;
    }

    public Optional<ProjectView> project(String projectId) {
        return projects.serving().find(projectId);
    }

    void on(EventEnvelope envelope) {
        List<ProjectEvent> seen = new ArrayList<>();
        List<ProjectEventListener.Recording> recording = recording();
        ApplyOutcome outcome = projects.live().apply(envelope, change(envelope, recording, seen::add),
                flushing(recording));
        if (outcome == ApplyOutcome.APPLIED) {
            announcements.publish(List.of(seen.get(seen.size() - 1)));
        }
    }

    /** As {@link #on} for each event, with one read and one write of the views they change. */
    List<MissingEventsException> onAll(List<EventEnvelope> envelopes) {
        List<ProjectEvent> seen = new ArrayList<>();
        List<ProjectEventListener.Recording> recording = recording();
        List<MissingEventsException> missing = projects.live().applyAll(envelopes,
                envelope -> change(envelope, recording, seen::add), flushing(recording));
        announcements.publish(seen);
        return missing;
    }

    private List<ProjectEventListener.Recording> recording() {
        return listeners.stream().map(ProjectEventListener::recording).toList();
    }

    /** What the listeners recorded is durable before the views are: a crash in between records the events again. */
    private static Beside<ProjectView> flushing(List<ProjectEventListener.Recording> recording) {
        return Beside.<ProjectView>nothing()
                .runningFirst(() -> recording.forEach(ProjectEventListener.Recording::flush));
    }

    /** The event's change of its project's view, which first records it with every listener and tells {@code seen}. */
    private Function<Optional<ProjectView>, ProjectView> change(EventEnvelope envelope,
                                                                List<ProjectEventListener.Recording> recording,
                                                                Consumer<ProjectEvent> seen) {
        Object data = data(envelope);
        return current -> {
            ProjectView after = data == null ? current.orElse(null) : ProjectViews.next(current, data);
            ProjectEvent event = new ProjectEvent(envelope, data, current.orElse(null), after);
            recording.forEach(listener -> listener.accept(event));
            seen.accept(event);
            return after;
        };
    }

    /** The event's data decoded by its contract, or null for a type this service does not know. */
    static Object data(EventEnvelope envelope) {
        return EventCatalog.forType(envelope.type()).map(contract -> decode(envelope, contract)).orElse(null);
    }

    private static Object decode(EventEnvelope envelope, EventContract<?> contract) {
        return EventCodec.decode(envelope, contract);
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        /** Bound to {@code samverka.projects} in application.yml. */
        @Bean
        Consumer<Message<List<byte[]>>> projectEvents(EventConsumers consumers, ProjectEvents events) {
            return consumers.readModel(new ReadModelBinding("subscription-projects", "projectEvents",
                    events.projects::live, EventHandlers.builder().onEvery(events::on).onBatch(events::onAll).build()));
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
