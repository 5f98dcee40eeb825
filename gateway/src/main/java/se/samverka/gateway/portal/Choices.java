package se.samverka.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import tools.jackson.databind.JsonNode;

/** What the pages' forms offer to choose from, as far as the reader may see it. */
@Component
public class Choices {

    private final Downstream downstream;

    Choices(Downstream downstream) {
        this.downstream = downstream;
    }

    /** The organisations of the directory, by name: partners, parties and departments are chosen from them. */
    public Mono<List<JsonNode>> organisations(Caller caller) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/organisations?size=200&sort=name"))
                .map(answer -> {
                    List<JsonNode> items = new ArrayList<>();
                    answer.body().path("items").forEach(items::add);
                    return items;
                });
    }
}
