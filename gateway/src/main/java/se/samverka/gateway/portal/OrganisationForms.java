package se.samverka.gateway.portal;

import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ServiceCalls.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The forms that register an organisation in the directory and change its description. Each sends the change to
 * partnership-service as the reader; what the service refuses is shown next to the field it names, a version conflict
 * (412) as a sentence that says what to do.
 */
@Controller
class OrganisationForms {

    /** The form's name on its page ({@link PageForms}): the prefix of its controls' ids. */
    private static final String FORM = "organisation";

    private final ServiceCalls services;
    private final Callers callers;

    OrganisationForms(ServiceCalls services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    @GetMapping("/organisations/new")
    Mono<Rendering> newOrganisation(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> !OrganisationForm.mayRegister(caller)
                ? ProblemPage.of(HttpStatus.FORBIDDEN.value())
                : form(exchange, null, PageForms.NONE, PageForms.NONE.form(FORM), HttpStatus.OK));
    }

    @PostMapping("/organisations/new")
    Mono<Rendering> register(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            MultiValueMap<String, String> form = both.getT2();
            return services.partnership(both.getT1(), HttpMethod.POST, "/api/organisations", null,
                            OrganisationForm.details(form, null))
                    .flatMap(reply -> reply.ok() ? redirect(reply.body().path("id").asString())
                            : refused(exchange, null, form, reply));
        }).onErrorResume(ProblemPage::of);
    }

    /**
     * Open to every reader who may register organisations, not only those offered the link: the service also lets
     * whoever registered an organisation change it, and decides when the change is sent.
     */
    @GetMapping("/organisations/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> !OrganisationForm.mayRegister(caller)
                ? ProblemPage.of(HttpStatus.FORBIDDEN.value())
                : services.partnership(caller, "/api/organisations/" + id).flatMap(reply -> reply.ok()
                        ? form(exchange, reply.body(), PageForms.NONE, PageForms.NONE.form(FORM, reply.body()),
                                HttpStatus.OK)
                        : ProblemPage.of(reply.status())))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/organisations/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            // What the form does not show comes from the organisation as it is now; If-Match with the version the
            // form was opened at refuses the change if anyone changed the organisation since.
            return services.partnership(caller, "/api/organisations/" + id).flatMap(current -> !current.ok()
                    ? ProblemPage.of(current.status())
                    : services.partnership(caller, HttpMethod.PUT, "/api/organisations/" + id, form.getFirst("version"),
                                    OrganisationForm.details(form, current.body()))
                            .flatMap(reply -> reply.ok() ? redirect(id)
                                    : refused(exchange, current.body(), form, reply)));
        }).onErrorResume(ProblemPage::of);
    }

    private Mono<Rendering> refused(ServerWebExchange exchange, JsonNode organisation,
                                    MultiValueMap<String, String> form, Reply reply) {
        if (ProblemPage.isOwnPage(reply.status())) {
            return ProblemPage.of(reply.status());
        }
        PageForms forms = new PageForms(FORM, ProjectForms.errors(reply), reply.status() == 412,
                form.toSingleValueMap());
        return form(exchange, organisation, forms, forms.form(FORM), HttpStatus.valueOf(reply.status()));
    }

    /**
     * @param organisation as it is, for a change; null for a new one
     * @param forms        what the service refused, if anything
     * @param f            the form's controls and what they show
     */
    private static Mono<Rendering> form(ServerWebExchange exchange, JsonNode organisation, PageForms forms,
                                        PageForms.Form f, HttpStatus status) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return Mono.just(Rendering.view("organisation-form")
                .modelAttribute("organisation", organisation == null ? ProjectForm.object() : organisation)
                .modelAttribute("editing", organisation != null)
                .modelAttribute("forms", forms)
                .modelAttribute("f", f)
                .modelAttribute("types", OrganisationForm.TYPES)
                .modelAttribute("sectors", OrganisationForm.SECTORS)
                .modelAttribute("countries", OrganisationForm.countries(locale == null ? PortalLocale.SWEDISH : locale))
                .status(status)
                .build());
    }

    /** To the organisation's page, after a change. */
    static Mono<Rendering> redirect(String id) {
        return ProjectForms.redirect("/organisations/" + id);
    }
}
