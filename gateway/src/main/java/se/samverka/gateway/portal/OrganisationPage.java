package se.samverka.gateway.portal;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's page: its description, the partnerships it is a party to and the projects it owns, as far as the
 * reader may see them, and its contact persons with their forms for those partnership-service shows them to.
 */
@Component
class OrganisationPage {

    /** The values of partnership-service's LawfulBasis (GDPR art. 6(1)), in the order the form offers them. */
    static final List<String> LAWFUL_BASES = List.of("CONSENT", "CONTRACT", "LEGAL_OBLIGATION", "PUBLIC_TASK",
            "LEGITIMATE_INTEREST");

    private final ServiceCalls services;

    OrganisationPage(ServiceCalls services) {
        this.services = services;
    }

    /**
     * @param forms the contact persons' forms, with the one the service refused if any
     */
    Mono<Rendering> render(Caller caller, String id, PageForms forms, HttpStatus status) {
        return Mono.zip(services.partnership(caller, "/api/organisations/" + id),
                        services.partnership(caller, "/api/partnerships?size=100&party=" + id),
                        services.project(caller, HttpMethod.GET, "/api/projects?size=100&owner=" + id, null, null),
                        contactPersons(caller, id))
                .flatMap(replies -> !replies.getT1().ok() ? ProblemPage.of(replies.getT1().status())
                        : Mono.just(Rendering.view("organisation")
                                .modelAttribute("organisation", replies.getT1().body())
                                .modelAttribute("title", replies.getT1().body().path("name").asString())
                                .modelAttribute("partnerships", replies.getT2().body().path("items"))
                                .modelAttribute("projects", replies.getT3().body().path("items"))
                                .modelAttribute("mayChange", OrganisationForm.mayChange(caller, id))
                                .modelAttribute("contactPersons", replies.getT4())
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
        return services.partnership(caller, "/api/organisations/" + id + "/contact-persons")
                .map(reply -> reply.ok() && reply.body().isArray() ? Optional.of(reply.body()) : Optional.empty());
    }
}
