package se.samverka.partnership.activity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;

/** Which partnerships each project belongs to, as project events say (every event that names them names them all). */
@Component
public class ProjectLinks {

    /** A project's partnerships. */
    public record Links(String projectId, List<String> partnershipIds) {
    }

    private final ProjectionStore<Links> links;

    public ProjectLinks(ProjectionStores stores) {
        this.links = stores.create("project_links", Links.class);
    }

    /**
     * Applies a project event (in sequence) and returns the partnerships the project belongs to after it.
     *
     * @param named the partnerships the event names, when it names them
     */
    List<String> apply(EventEnvelope event, List<String> named) {
        AtomicReference<List<String>> after = new AtomicReference<>(named);
        links.apply(event, current -> {
            Links next = new Links(event.aggregateId(),
                    named != null ? named : current.map(Links::partnershipIds).orElse(List.of()));
            after.set(next.partnershipIds());
            return next;
        });
        // Only an event applied before (a redelivery) leaves them unknown here: then as stored.
        return after.get() != null ? after.get()
                : links.find(event.aggregateId()).map(Links::partnershipIds).orElse(List.of());
    }

    ProjectionStore<Links> store() {
        return links;
    }

    /** The projects linked to each of these partnerships. */
    public Map<String, List<String>> projectsOf(Collection<String> partnershipIds) {
        List<Links> linked = links.find(Query.query(Criteria.where("view.partnershipIds").in(partnershipIds)));
        Set<String> wanted = Set.copyOf(partnershipIds);
        return linked.stream()
                .flatMap(link -> link.partnershipIds().stream().filter(wanted::contains)
                        .map(partnershipId -> Map.entry(partnershipId, link.projectId())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
