package se.samverka.gateway.portal;

import java.util.List;
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

    private Mono<Answer> page(Caller caller, String path) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get(path));
    }
}
