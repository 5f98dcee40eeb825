package se.samverka.partnership.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which partnerships each project belongs to, as project events say (every event that names them names them all).
 * Kept in generations, so that it can be rebuilt from the topic while it serves.
 */
@Component
public class ProjectLinks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A project's partnerships. */
    public record Links(String projectId, List<String> partnershipIds) {
    }

    private final GenerationalStore<Links> links;

    public ProjectLinks(Generations generations) {
        this.links = generations.store("project_links", Links.class);
    }

    /** What a batch of project events left: each event's partnerships after it, and the events left for gaps. */
    record Applied(Map<EventEnvelope, List<String>> partnershipIds, List<MissingEventsException> missing) {
    }

    /**
     * Applies a project event (in sequence) and returns the partnerships the project belongs to after it.
     *
     * @param named the partnerships the event names, when it names them
     */
    List<String> apply(EventEnvelope event, List<String> named) {
        AtomicReference<List<String>> after = new AtomicReference<>(named);
        ProjectionStore<Links> store = links.live();
        store.apply(event, change(event, named, after::set));
        // Only an event applied before (a redelivery) leaves them unknown here: then as stored.
        return after.get() != null ? after.get()
                : store.find(event.aggregateId()).map(Links::partnershipIds).orElse(List.of());
    }

    /**
     * Applies a batch of project events (in sequence) in one read and one write of the links; each event applied
     * before (a redelivery) gets its project's partnerships as stored.
     *
     * @param named the partnerships an event names, or null when it names none
     */
    Applied applyAll(List<EventEnvelope> events, Function<EventEnvelope, List<String>> named) {
        Map<EventEnvelope, List<String>> after = new IdentityHashMap<>();
        ProjectionStore<Links> store = links.live();
        List<MissingEventsException> missing = store.applyAll(events,
                event -> change(event, named.apply(event), partnershipIds -> after.put(event, partnershipIds)));
        Set<EventEnvelope> left = Collections.newSetFromMap(new IdentityHashMap<>());
        missing.forEach(gap -> left.add(gap.event()));
        List<EventEnvelope> again = events.stream().filter(event -> !after.containsKey(event) && !left.contains(event))
                .toList();
        if (!again.isEmpty()) {
            Map<String, List<String>> stored = store.find(Query.query(Criteria.where("_id")
                    .in(again.stream().map(EventEnvelope::aggregateId).distinct().toList()))).stream()
                    .collect(Collectors.toMap(Links::projectId, Links::partnershipIds));
            again.forEach(event -> after.put(event, stored.getOrDefault(event.aggregateId(), List.of())));
        }
        return new Applied(after, missing);
    }

    private static Function<Optional<Links>, Links> change(EventEnvelope event, List<String> named,
                                                           Consumer<List<String>> after) {
        return current -> {
            Links next = new Links(event.aggregateId(),
                    named != null ? named : current.map(Links::partnershipIds).orElse(List.of()));
            after.accept(next.partnershipIds());
            return next;
        };
    }

    GenerationalStore<Links> store() {
        return links;
    }

    /** The links alone, without the activity: what a rebuild fills a new generation with. */
    Projection<Links> projection() {
        return Projection.of(links, event -> change(event, partnershipIdsNamedBy(event), partnershipIds -> { }));
    }

    /** The partnerships a project event names, or null when it names none. */
    static List<String> partnershipIdsNamedBy(EventEnvelope event) {
        JsonNode named = JSON.readTree(event.data()).path("partnershipIds");
        if (!named.isArray()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        named.forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** The projects linked to each of these partnerships. */
    public Map<String, List<String>> projectsOf(Collection<String> partnershipIds) {
        List<Links> linked = links.serving()
                .find(Query.query(Criteria.where("view.partnershipIds").in(partnershipIds)));
        Set<String> wanted = Set.copyOf(partnershipIds);
        return linked.stream()
                .flatMap(link -> link.partnershipIds().stream().filter(wanted::contains)
                        .map(partnershipId -> Map.entry(partnershipId, link.projectId())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
