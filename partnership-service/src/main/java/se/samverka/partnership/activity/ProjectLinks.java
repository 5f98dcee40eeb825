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
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What partnership-service knows of each project, as project events say: the partnerships it belongs to (every event
 * that names them names them all), which tell the partnerships' activity, and what the broker matches interests with
 * and checks references against (title, status, visibility, owner, themes, growth areas, strategies, partners). Kept
 * in generations, so that it can be rebuilt from the topic while it serves.
 */
@Component
public class ProjectLinks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The project events that change what is known beside the partnerships; other types are not decoded. */
    private static final Set<String> DESCRIBING = Set.of(ProjectContracts.PROJECT_REGISTERED.type(),
            ProjectContracts.PROJECT_UPDATED.type(), ProjectContracts.PROJECT_STATUS_CHANGED.type(),
            ProjectContracts.PROJECT_PARTNER_ADDED.type(), ProjectContracts.PROJECT_PARTNER_REMOVED.type());

    /**
     * A project as its events describe it. Fields other than the partnerships are null, and lists empty, for a
     * project known only from events that do not describe it (or stored before they were kept: a rebuild fills them).
     *
     * @param status                 the lifecycle status, e.g. IDEA or ONGOING
     * @param partnerOrganisationIds its partners, the owner not among them
     */
    public record KnownProject(
            String projectId,
            List<String> partnershipIds,
            String title,
            String status,
            String visibility,
            String ownerOrganisationId,
            List<String> themes,
            List<String> growthAreas,
            List<String> strategies,
            List<String> partnerOrganisationIds) {

        /** The statuses of a project that has ended one way or another: the broker matches none of them. */
        private static final Set<String> ENDED = Set.of("REJECTED", "WITHDRAWN", "CLOSED", "CANCELLED");

        public KnownProject {
            partnershipIds = partnershipIds == null ? List.of() : List.copyOf(partnershipIds);
            themes = themes == null ? List.of() : List.copyOf(themes);
            growthAreas = growthAreas == null ? List.of() : List.copyOf(growthAreas);
            strategies = strategies == null ? List.of() : List.copyOf(strategies);
            partnerOrganisationIds = partnerOrganisationIds == null ? List.of() : List.copyOf(partnerOrganisationIds);
        }

        /** Whether its events described it, and it has not ended. */
        public boolean isOpen() {
            return status != null && !ENDED.contains(status);
        }

        private static KnownProject unknown(String projectId) {
            return new KnownProject(projectId, null, null, null, null, null, null, null, null, null);
        }

        /** What an event of {@link #DESCRIBING} makes of it; null data leaves it as it is. */
        private KnownProject after(Object data) {
            if (data instanceof ProjectRegistered registered) {
                return described(registered.status(), registered.description());
            }
            if (data instanceof ProjectUpdated updated) {
                return described(status, updated.description());
            }
            if (data instanceof ProjectStatusChanged changed) {
                return new KnownProject(projectId, partnershipIds, title, changed.to(), visibility, ownerOrganisationId,
                        themes, growthAreas, strategies, partnerOrganisationIds);
            }
            if (data instanceof ProjectPartnerAdded added) {
                return withPartners(Stream.concat(partnerOrganisationIds.stream()
                        .filter(id -> !id.equals(added.organisationId())), Stream.of(added.organisationId())).toList());
            }
            if (data instanceof ProjectPartnerRemoved removed) {
                return withPartners(partnerOrganisationIds.stream()
                        .filter(id -> !id.equals(removed.organisationId())).toList());
            }
            return this;
        }

        private KnownProject described(String newStatus, ProjectDescription d) {
            return new KnownProject(projectId, partnershipIds, d.title(), newStatus, d.visibility(),
                    d.ownerOrganisationId(), d.themes(), d.growthAreas(), d.strategies(), partnerOrganisationIds);
        }

        private KnownProject withPartners(List<String> partners) {
            return new KnownProject(projectId, partnershipIds, title, status, visibility, ownerOrganisationId, themes,
                    growthAreas, strategies, partners);
        }

        private KnownProject withPartnerships(List<String> ids) {
            return new KnownProject(projectId, ids, title, status, visibility, ownerOrganisationId, themes,
                    growthAreas, strategies, partnerOrganisationIds);
        }
    }

    private final GenerationalStore<KnownProject> links;

    public ProjectLinks(Generations generations) {
        this.links = generations.store("project_links", KnownProject.class);
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
        ProjectionStore<KnownProject> store = links.live();
        store.apply(event, change(event, named, after::set));
        // Only an event applied before (a redelivery) leaves them unknown here: then as stored.
        return after.get() != null ? after.get()
                : store.find(event.aggregateId()).map(KnownProject::partnershipIds).orElse(List.of());
    }

    /**
     * Applies a batch of project events (in sequence) in one read and one write of the links; each event applied
     * before (a redelivery) gets its project's partnerships as stored.
     *
     * @param named the partnerships an event names, or null when it names none
     */
    Applied applyAll(List<EventEnvelope> events, Function<EventEnvelope, List<String>> named) {
        Map<EventEnvelope, List<String>> after = new IdentityHashMap<>();
        ProjectionStore<KnownProject> store = links.live();
        List<MissingEventsException> missing = store.applyAll(events,
                event -> change(event, named.apply(event), partnershipIds -> after.put(event, partnershipIds)));
        Set<EventEnvelope> left = Collections.newSetFromMap(new IdentityHashMap<>());
        missing.forEach(gap -> left.add(gap.event()));
        List<EventEnvelope> again = events.stream().filter(event -> !after.containsKey(event) && !left.contains(event))
                .toList();
        if (!again.isEmpty()) {
            Map<String, List<String>> stored = store.find(Query.query(Criteria.where("_id")
                    .in(again.stream().map(EventEnvelope::aggregateId).distinct().toList()))).stream()
                    .collect(Collectors.toMap(KnownProject::projectId, KnownProject::partnershipIds));
            again.forEach(event -> after.put(event, stored.getOrDefault(event.aggregateId(), List.of())));
        }
        return new Applied(after, missing);
    }

    private static Function<Optional<KnownProject>, KnownProject> change(EventEnvelope event, List<String> named,
                                                                       Consumer<List<String>> after) {
        Object data = DESCRIBING.contains(event.type())
                ? EventCatalog.forType(event.type()).map(contract -> EventCodec.decode(event, contract)).orElse(null)
                : null;
        return current -> {
            KnownProject before = current.orElseGet(() -> KnownProject.unknown(event.aggregateId()));
            KnownProject next = before.after(data)
                    .withPartnerships(named != null ? named : before.partnershipIds());
            after.accept(next.partnershipIds());
            return next;
        };
    }

    GenerationalStore<KnownProject> store() {
        return links;
    }

    /** The links alone, without the activity: what a rebuild fills a new generation with. */
    Projection<KnownProject> projection() {
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
        List<KnownProject> linked = links.serving()
                .find(Query.query(Criteria.where("view.partnershipIds").in(partnershipIds)));
        Set<String> wanted = Set.copyOf(partnershipIds);
        return linked.stream()
                .flatMap(link -> link.partnershipIds().stream().filter(wanted::contains)
                        .map(partnershipId -> Map.entry(partnershipId, link.projectId())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** What is known of the project, if its events came. */
    public Optional<KnownProject> project(String projectId) {
        return links.serving().find(projectId);
    }

    /** What is known of these projects, by id; those unknown are left out. */
    public Map<String, KnownProject> projects(Collection<String> projectIds) {
        return links.serving().find(projectIds);
    }

    /** The projects in one of these statuses, e.g. IDEA. */
    public List<KnownProject> inStatus(Collection<String> statuses) {
        return links.serving().find(Query.query(Criteria.where("view.status").in(statuses)));
    }

    /**
     * The projects, open or not, owned or partnered by one of these organisations, or serving one of these themes,
     * growth areas or strategies; none when every list is empty.
     */
    public List<KnownProject> concerning(Collection<String> organisationIds, Collection<String> themes,
                                         Collection<String> growthAreas, Collection<String> strategies) {
        List<Criteria> any = new ArrayList<>();
        if (!organisationIds.isEmpty()) {
            any.add(Criteria.where("view.ownerOrganisationId").in(organisationIds));
            any.add(Criteria.where("view.partnerOrganisationIds").in(organisationIds));
        }
        if (!themes.isEmpty()) {
            any.add(Criteria.where("view.themes").in(themes));
        }
        if (!growthAreas.isEmpty()) {
            any.add(Criteria.where("view.growthAreas").in(growthAreas));
        }
        if (!strategies.isEmpty()) {
            any.add(Criteria.where("view.strategies").in(strategies));
        }
        return any.isEmpty() ? List.of() : links.serving().find(Query.query(new Criteria().orOperator(any)));
    }
}
