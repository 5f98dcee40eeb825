package se.samverka.gateway.portal.partnership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.views.PartnershipView;
import tools.jackson.databind.JsonNode;

/**
 * A partnership's page, with the choices its forms need when the reader may change the partnership
 * (partnership-service lists the steps it may take only to those who may): the organisations to add as parties and
 * the values of the service's enumerations.
 */
@Component
class PartnershipPage {

    private final Downstream downstream;

    PartnershipPage(Downstream downstream) {
        this.downstream = downstream;
    }

    Mono<Rendering> render(PartnershipView view, Caller caller, Map<String, Object> more, HttpStatusCode status) {
        boolean mayChange = !view.partnership().path("allowedTransitions").isEmpty();
        Mono<List<JsonNode>> organisations = mayChange ? organisations(caller) : Mono.just(List.of());
        return organisations.map(choices -> Rendering.view("partnership")
                .modelAttribute("view", view)
                .modelAttribute("title", view.partnership().path("name").asString())
                .modelAttribute("mayChange", mayChange)
                .modelAttribute("organisations", choices)
                .modelAttribute("enumerations", PartnershipForm.ENUMERATIONS)
                .modelAttribute("forms", PageForms.NONE)
                .model(more)
                .status(status)
                .build());
    }

    /** The organisations of the directory the reader may see, to choose parties and departments from. */
    Mono<List<JsonNode>> organisations(Caller caller) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/organisations?size=200&sort=name"))
                .map(answer -> {
                    List<JsonNode> items = new ArrayList<>();
                    answer.body().path("items").forEach(items::add);
                    return items;
                });
    }
}
