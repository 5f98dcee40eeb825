package se.samverka.gateway.portal.partnership;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Choices;
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

    private final Choices choices;

    PartnershipPage(Choices choices) {
        this.choices = choices;
    }

    Mono<Rendering> render(PartnershipView view, Caller caller, Map<String, Object> more, HttpStatusCode status) {
        boolean mayChange = !view.partnership().path("allowedTransitions").isEmpty();
        Mono<List<JsonNode>> organisations = mayChange ? choices.organisations(caller) : Mono.just(List.of());
        return organisations.map(offered -> Rendering.view("partnership")
                .modelAttribute("view", view)
                .modelAttribute("title", view.partnership().path("name").asString())
                .modelAttribute("mayChange", mayChange)
                .modelAttribute("organisations", offered)
                .modelAttribute("enumerations", PartnershipForm.ENUMERATIONS)
                .modelAttribute("forms", PageForms.NONE)
                .model(more)
                .status(status)
                .build());
    }
}
