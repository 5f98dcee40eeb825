package se.samverka.gateway.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Me;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Composes views from several services, calling them in parallel as the caller. A view has at most one required
 * part, which decides its status; the optional parts that fail are named in {@code degraded}, and those the caller
 * may not see (404, 403) are left out without a word, as the service itself would leave them out.
 */
@Component
public class Views {

    /** How many calls of one kind a view makes at the same time. */
    private static final int FAN_OUT = 8;
    private static final int DASHBOARD_ACTIVITY = 10;

    private final Downstream downstream;

    Views(Downstream downstream) {
        this.downstream = downstream;
    }

    public Mono<ProjectView> project(String id, Caller caller) {
        return leg("project", Service.PROJECT, caller, Request.get("/api/projects/{id}", id))
                .map(Views::required)
                .flatMap(project -> Mono.zip(
                        each(ids(project.path("partners"), "organisationId"), organisationId ->
                                organisation(organisationId, caller)),
                        each(ids(project.path("partnershipIds"), null), partnershipId -> leg(
                                "partnership:" + partnershipId, Service.PARTNERSHIP, caller,
                                Request.get("/api/partnerships/{id}", partnershipId))),
                        leg("reporting", Service.REPORTING, caller, Request.get("/api/reports/projects/{id}", id)))
                        .map(legs -> new ProjectView(project, found(legs.getT1()), found(legs.getT2()),
                                legs.getT3().bodyIfFound(), degraded(legs.getT1(), legs.getT2(), List.of(legs.getT3())))));
    }

    public Mono<PartnershipView> partnership(String id, Caller caller) {
        return leg("partnership", Service.PARTNERSHIP, caller, Request.get("/api/partnerships/{id}", id))
                .map(Views::required)
                .flatMap(partnership -> Mono.zip(
                        each(ids(partnership.path("parties"), "organisationId"), organisationId ->
                                organisation(organisationId, caller)),
                        leg("projects", Service.PROJECT, caller, Request.get("/api/projects?partnership={id}", id)))
                        .map(legs -> new PartnershipView(partnership, found(legs.getT1()),
                                items(legs.getT2().bodyIfFound()), degraded(legs.getT1(), List.of(legs.getT2())))));
    }

    public Mono<DashboardView> dashboard(Caller caller) {
        if (caller.isAnonymous()) {
            throw ViewProblem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in", "The dashboard needs a login.");
        }
        if (!caller.isMunicipality()) {
            throw ViewProblem.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "The dashboard is for the municipality's staff.");
        }
        Mono<Leg> portfolio = leg("portfolio", Service.REPORTING, caller, Request.get("/api/reports/portfolio"));
        // A coordinator need not act for an organisation: then there is no "mine" to show, as if none were found.
        Mono<Leg> mine = caller.organisationId() == null
                ? Mono.just(new Leg("myProjects", new Answer(HttpStatus.NOT_FOUND, NullNode.getInstance(), null)))
                : leg("myProjects", Service.PROJECT, caller,
                        Request.get("/api/projects?owner={owner}", caller.organisationId()));
        Mono<Leg> activity = leg("activity", Service.REPORTING, caller,
                Request.get("/api/reports/activity?limit={limit}", DASHBOARD_ACTIVITY));
        return Mono.zip(portfolio, mine, activity).map(legs -> {
            List<Leg> all = List.of(legs.getT1(), legs.getT2(), legs.getT3());
            List<Leg> asked = caller.organisationId() == null ? List.of(legs.getT1(), legs.getT3()) : all;
            if (asked.stream().allMatch(Leg::failed)) {
                throw ViewProblem.unavailable("dashboard");
            }
            return new DashboardView(Me.of(caller), legs.getT1().bodyIfFound(), legs.getT2().bodyIfFound(),
                    legs.getT3().bodyIfFound(), degraded(all));
        });
    }

    public Mono<CatalogueView> catalogue(Map<String, String> filters, Caller caller) {
        String query = filters.keySet().stream().map(name -> name + "={" + name + "}")
                .collect(Collectors.joining("&"));
        return leg("projects", Service.PROJECT, caller, Request.get(
                        query.isEmpty() ? "/api/projects" : "/api/projects?" + query, filters.values().toArray()))
                .map(Views::required)
                .flatMap(page -> {
                    List<JsonNode> items = items(page);
                    List<String> unnamed = items.stream()
                            .map(item -> item.path("owner"))
                            .filter(owner -> owner.path("name").isNull() || owner.path("name").isMissingNode())
                            .map(owner -> text(owner.path("id")))
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList();
                    return each(unnamed, organisationId -> organisation(organisationId, caller))
                            .map(owners -> new CatalogueView(items, new CatalogueView.Page(page.path("page").asInt(),
                                    page.path("size").asInt(), page.path("totalItems").asLong(),
                                    page.path("totalPages").asInt()), byId(owners), degraded(owners)));
                });
    }

    private Mono<Leg> organisation(String organisationId, Caller caller) {
        return leg("organisation:" + organisationId, Service.PARTNERSHIP, caller,
                Request.get("/api/organisations/{id}", organisationId));
    }

    private Mono<Leg> leg(String name, Service service, Caller caller, Request request) {
        return downstream.leg(service, caller, request).map(answer -> new Leg(name, answer));
    }

    private static JsonNode required(Leg leg) {
        if (!leg.found()) {
            throw ViewProblem.from(leg);
        }
        return leg.answer().body();
    }

    private static Mono<List<Leg>> each(List<String> ids, Function<String, Mono<Leg>> call) {
        return Flux.fromIterable(ids).flatMapSequential(call, FAN_OUT).collectList();
    }

    /** The distinct ids in an array: of its strings, or of one field of its objects. */
    private static List<String> ids(JsonNode array, String field) {
        return stream(array).map(element -> text(field == null ? element : element.path(field)))
                .filter(Objects::nonNull).distinct().toList();
    }

    private static List<JsonNode> items(JsonNode page) {
        return page == null ? List.of() : stream(page.path("items")).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static List<JsonNode> found(List<Leg> legs) {
        return legs.stream().filter(Leg::found).map(Leg::bodyIfFound).toList();
    }

    private static Map<String, JsonNode> byId(List<Leg> organisations) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        organisations.stream().filter(Leg::found)
                .forEach(leg -> byId.put(leg.name().substring("organisation:".length()), leg.bodyIfFound()));
        return byId;
    }

    @SafeVarargs
    private static List<String> degraded(List<Leg>... groups) {
        List<String> degraded = new ArrayList<>();
        for (List<Leg> group : groups) {
            group.stream().filter(Leg::failed).map(Leg::name).forEach(degraded::add);
        }
        return degraded;
    }
}
