package se.samverka.gateway.portal.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's page: its description, the partnerships it is a party to and the projects it owns, as far as the
 * reader may see them, and its contact persons with their forms for those partnership-service shows them to.
 */
@Component
class OrganisationPage {

    /** The values of partnership-service's LawfulBasis (GDPR art. 6(1)), in the order the form offers them. */
    private static final List<String> LAWFUL_BASES = List.of("CONSENT", "CONTRACT", "LEGAL_OBLIGATION", "PUBLIC_TASK",
            "LEGITIMATE_INTEREST");

    private final Downstream downstream;

    OrganisationPage(Downstream downstream) {
        this.downstream = downstream;
    }

    /**
     * @param forms the contact persons' forms, with the one the service refused if any
     */
    Mono<Rendering> render(Caller caller, String id, PageForms forms, HttpStatusCode status) {
        return Mono.zip(downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/organisations/" + id)),
                        downstream.call(Service.PARTNERSHIP, caller,
                                Request.get("/api/partnerships?size=100&party=" + id)),
                        downstream.call(Service.PROJECT, caller, Request.get("/api/projects?size=100&owner=" + id)),
                        contactPersons(caller, id))
                .flatMap(answers -> !answers.getT1().ok() ? ProblemPage.of(answers.getT1().status())
                        : Mono.just(Rendering.view("organisation")
                                .modelAttribute("organisation", answers.getT1().body())
                                .modelAttribute("title", answers.getT1().body().path("name").asString())
                                .modelAttribute("partnerships", answers.getT2().body().path("items"))
                                .modelAttribute("projects", answers.getT3().body().path("items"))
                                .modelAttribute("mayChange", OrganisationForm.mayChange(caller, id))
                                .modelAttribute("contactPersons", answers.getT4())
                                .modelAttribute("lawfulBases", LAWFUL_BASES)
                                // Only the coordinator erases a person (partnership-service's rule for erasure).
                                .modelAttribute("mayErase", caller.role() == Role.ADMIN)
                                .modelAttribute("forms", forms)
                                .status(status)
                                .build()));
    }

    /**
     * The organisation's contact persons if partnership-service shows them to the reader, who then also handles them;
     * none otherwise. They are personal data (ADR 0005): the page shows them exactly where the service does, and never
     * asks for an anonymous reader, whom the service never shows them to.
     */
    private Mono<Optional<JsonNode>> contactPersons(Caller caller, String id) {
        if (caller.isAnonymous()) {
            return Mono.just(Optional.empty());
        }
        return downstream.call(Service.PARTNERSHIP, caller,
                        Request.get("/api/organisations/" + id + "/contact-persons"))
                .map(answer -> answer.ok() && answer.body().isArray() ? Optional.of(answer.body()) : Optional.empty());
    }
}
