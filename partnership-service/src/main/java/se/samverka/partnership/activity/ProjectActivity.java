package se.samverka.partnership.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.samverka.partnership.register.Partnership;
import se.samverka.partnership.register.PartnershipRegister;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventHandlers;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.messaging.rebuild.RebuildableReadModel;
import se.samverka.project.contracts.ProjectContracts;

/**
 * Activity of partnerships, learnt from {@code samverka.projects}: any change of a project counts as activity of the
 * partnerships it belongs to, and makes a DORMANT one ACTIVE again if it happened after the partnership went
 * dormant. Works on every project event, whatever its type, so new kinds of project change count without a change
 * here; replaying old events changes nothing, because only activity newer than the dormancy wakes a partnership.
 * A person's name erased from a project's history is no work on the project, so it is no activity.
 */
@Component
public class ProjectActivity {

    private final ProjectLinks links;
    private final ActivityLog activity;
    private final PartnershipRegister register;

    public ProjectActivity(ProjectLinks links, ActivityLog activity, PartnershipRegister register) {
        this.links = links;
        this.activity = activity;
        this.register = register;
    }

    void on(EventEnvelope event) {
        List<String> partnershipIds = links.apply(event, ProjectLinks.partnershipIdsNamedBy(event));
        if (isActivity(event)) {
            partnershipIds.forEach(partnershipId -> touch(partnershipId, event));
        }
    }

    /** As {@link #on} for each event: the links in one read and one write, each partnership touched once. */
    List<MissingEventsException> onAll(List<EventEnvelope> events) {
        ProjectLinks.Applied applied = links.applyAll(events, ProjectLinks::partnershipIdsNamedBy);
        Map<String, EventEnvelope> latest = new HashMap<>();
        applied.partnershipIds().forEach((event, partnershipIds) -> {
            if (isActivity(event)) {
                partnershipIds.forEach(partnershipId -> latest.merge(partnershipId, event, (one, other) ->
                        one.time().toInstant().isAfter(other.time().toInstant()) ? one : other));
            }
        });
        latest.forEach(this::touch);
        return applied.missing();
    }

    private static boolean isActivity(EventEnvelope event) {
        return !event.type().equals(ProjectContracts.PROJECT_STAFF_NAMES_ERASED.type());
    }

    private void touch(String partnershipId, EventEnvelope event) {
        activity.record(partnershipId, event.time().toInstant());
        wakeIfDormant(partnershipId, event);
    }

    private void wakeIfDormant(String partnershipId, EventEnvelope event) {
        for (int attempt = 1; ; attempt++) {
            Versioned<Partnership> partnership = register.find(partnershipId).orElse(null);
            if (partnership == null || partnership.state().status() != PartnershipStatus.DORMANT
                    || !event.time().toInstant().isAfter(partnership.state().statusSince())) {
                return;
            }
            try {
                register.reactivate(partnership, "Activity in project " + event.aggregateId());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Binding {

        /** Bound to {@code samverka.projects} in application.yml. */
        @Bean
        Consumer<Message<List<byte[]>>> projectEvents(EventConsumers consumers, ProjectActivity activity) {
            return consumers.readModel(new ReadModelBinding("partnership-activity", "projectEvents",
                    activity.links.store()::live, EventHandlers.builder().onEvery(activity::on).onBatch(activity::onAll)
                    .build()));
        }

        /** Only the links are rebuilt: the partnerships' activity happened when the events came. */
        @Bean
        RebuildableReadModel<ProjectLinks.KnownProject> projectLinksRebuilt(ProjectLinks links) {
            return new RebuildableReadModel<>("projectEvents", links.store(), links.projection());
        }
    }
}
