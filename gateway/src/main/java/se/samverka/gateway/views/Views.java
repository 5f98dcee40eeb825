package se.samverka.gateway.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Me;
import se.samverka.gateway.views.Downstream.Service;
import tools.jackson.databind.JsonNode;

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
        return downstream.get("project", Service.PROJECT, caller, uri -> uri.path("/api/projects/{id}").build(id))
                .map(Views::required)
                .flatMap(project -> Mono.zip(
                        each(ids(project.path("partners"), "organisationId"), organisationId ->
                                organisation(organisationId, caller)),
                        each(ids(project.path("partnershipIds"), null), partnershipId -> downstream.get(
                                "partnership:" + partnershipId, Service.PARTNERSHIP, caller,
                                uri -> uri.path("/api/partnerships/{id}").build(partnershipId))),
                        downstream.get("reporting", Service.REPORTING, caller,
                                uri -> uri.path("/api/reports/projects/{id}").build(id)))
                        .map(legs -> new ProjectView(project, found(legs.getT1()), found(legs.getT2()),
                                legs.getT3().bodyIfFound(), degraded(legs.getT1(), legs.getT2(), List.of(legs.getT3())))));
    }

    public Mono<PartnershipView> partnership(String id, Caller caller) {
        return downstream.get("partnership", Service.PARTNERSHIP, caller,
                        uri -> uri.path("/api/partnerships/{id}").build(id))
                .map(Views::required)
                .flatMap(partnership -> Mono.zip(
                        each(ids(partnership.path("parties"), "organisationId"), organisationId ->
                                organisation(organisationId, caller)),
                        downstream.get("projects", Service.PROJECT, caller, uri -> uri.path("/api/projects")
                                .queryParam("partnership", "{id}").build(id)))
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
        Mono<Answer> portfolio = downstream.get("portfolio", Service.REPORTING, caller,
                uri -> uri.path("/api/reports/portfolio").build());
        // A coordinator need not act for an organisation: then there is no "mine" to show.
        Mono<Answer> mine = caller.organisationId() == null
                ? Mono.just(new Answer("myProjects", Answer.Outcome.MISSING, null, null))
                : downstream.get("myProjects", Service.PROJECT, caller, uri -> uri.path("/api/projects")
                        .queryParam("owner", "{owner}").build(caller.organisationId()));
        Mono<Answer> activity = downstream.get("activity", Service.REPORTING, caller, uri -> uri
                .path("/api/reports/activity").queryParam("limit", "{limit}").build(DASHBOARD_ACTIVITY));
        return Mono.zip(portfolio, mine, activity).map(legs -> {
            List<Answer> all = List.of(legs.getT1(), legs.getT2(), legs.getT3());
            List<Answer> asked = caller.organisationId() == null ? List.of(legs.getT1(), legs.getT3()) : all;
            if (asked.stream().allMatch(Answer::failed)) {
                throw ViewProblem.unavailable("dashboard");
            }
            return new DashboardView(Me.of(caller), legs.getT1().bodyIfFound(), legs.getT2().bodyIfFound(),
                    legs.getT3().bodyIfFound(), degraded(all));
        });
    }

    public Mono<CatalogueView> catalogue(Map<String, String> filters, Caller caller) {
        return downstream.get("projects", Service.PROJECT, caller, uri -> {
                    filters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
                    return uri.path("/api/projects").build(filters);
                })
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

    private Mono<Answer> organisation(String organisationId, Caller caller) {
        return downstream.get("organisation:" + organisationId, Service.PARTNERSHIP, caller,
                uri -> uri.path("/api/organisations/{id}").build(organisationId));
    }

    private static JsonNode required(Answer answer) {
        if (!answer.found()) {
            throw ViewProblem.from(answer);
        }
        return answer.body();
    }

    private static Mono<List<Answer>> each(List<String> ids, Function<String, Mono<Answer>> call) {
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

    private static List<JsonNode> found(List<Answer> answers) {
        return answers.stream().filter(Answer::found).map(Answer::body).toList();
    }

    private static Map<String, JsonNode> byId(List<Answer> organisations) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        organisations.stream().filter(Answer::found)
                .forEach(answer -> byId.put(answer.leg().substring("organisation:".length()), answer.body()));
        return byId;
    }

    @SafeVarargs
    private static List<String> degraded(List<Answer>... groups) {
        List<String> degraded = new ArrayList<>();
        for (List<Answer> group : groups) {
            group.stream().filter(Answer::failed).map(Answer::leg).forEach(degraded::add);
        }
        return degraded;
    }
}
