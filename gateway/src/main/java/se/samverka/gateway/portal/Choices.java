package se.samverka.gateway.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import tools.jackson.databind.JsonNode;

/** What the pages' forms offer to choose from, as far as the reader may see it. */
@Component
public class Choices {

    /** The largest page the services give. */
    private static final int PAGE = 200;

    private final Downstream downstream;

    Choices(Downstream downstream) {
        this.downstream = downstream;
    }

    /** The organisations of the directory, by name: partners, parties and departments are chosen from them. */
    public Mono<List<JsonNode>> organisations(Caller caller) {
        return organisations(caller, "");
    }

    /**
     * Every organisation the query asks for, page after page, by name: in a form the first page alone would hide
     * whatever sorts past it. A page the service refuses ends the list.
     */
    public Mono<List<JsonNode>> organisations(Caller caller, String filter) {
        String path = "/api/organisations?" + (filter.isEmpty() ? "" : filter + "&") + "size=" + PAGE + "&sort=name";
        return page(caller, path).expand(answer -> {
                    int next = answer.body().path("page").asInt() + 1;
                    return answer.ok() && next < answer.body().path("totalPages").asInt()
                            ? page(caller, path + "&page=" + next) : Mono.empty();
                })
                .filter(Answer::ok)
                .flatMapIterable(answer -> answer.body().path("items"))
                .collectList();
    }

    /**
     * The projects an organisation owns that the reader may see, for a choice of the project something is for or led
     * to; none when they cannot be read, so that the form opens all the same.
     *
     * @param ownerId null or empty for none
     */
    public Mono<List<JsonNode>> projects(Caller caller, String ownerId) {
        if (ownerId == null || ownerId.isEmpty()) {
            return Mono.just(List.of());
        }
        return downstream.call(Service.PROJECT, caller, Request.get("/api/projects?size=100&owner={id}", ownerId))
                .map(answer -> {
                    List<JsonNode> projects = new ArrayList<>();
                    if (answer.ok()) {
                        answer.body().path("items").forEach(projects::add);
                    }
                    return projects;
                })
                .onErrorReturn(List.of());
    }

    /**
     * The funding calls a funding line may name: the open, upcoming and closed ones of the register the reader may see,
     * soonest deadline first; none when they cannot be read, so that the form opens all the same.
     */
    public Mono<List<JsonNode>> calls(Caller caller) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/calls?size=" + PAGE))
                .map(answer -> {
                    List<JsonNode> calls = new ArrayList<>();
                    if (answer.ok()) {
                        answer.body().path("items").forEach(calls::add);
                    }
                    return calls;
                })
                .onErrorReturn(List.of());
    }

    /**
     * The reference data projects, calls and interests are described with (strategies, growth areas, funding
     * programmes); an empty one when project-service gives none, so that a page still opens, naming programmes by
     * their codes.
     */
    public Mono<JsonNode> reference(Caller caller) {
        return downstream.call(Service.PROJECT, caller, Request.get("/api/reference"))
                .map(answer -> answer.ok() ? answer.body() : (JsonNode) Forms.object())
                .onErrorReturn(Forms.object());
    }

    /** The funding programmes' names by code ({@code {"sv": ..., "en": ...}}), for {@link Json#programme}. */
    public static Map<String, JsonNode> programmeNames(JsonNode reference) {
        Map<String, JsonNode> names = new HashMap<>();
        reference.path("fundingProgrammes").path("programmes")
                .forEach(programme -> names.put(programme.path("code").asString(), programme.path("name")));
        return names;
    }

    private Mono<Answer> page(Caller caller, String path) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get(path));
    }
}
