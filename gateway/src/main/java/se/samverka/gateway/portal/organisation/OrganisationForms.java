package se.samverka.gateway.portal.organisation;

import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.PortalLocale;
import se.samverka.gateway.portal.ProblemPage;
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

    private final Downstream downstream;
    private final Callers callers;

    OrganisationForms(Downstream downstream, Callers callers) {
        this.downstream = downstream;
        this.callers = callers;
    }

    @GetMapping("/organisations/new")
    Mono<Rendering> newOrganisation(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> !OrganisationForm.mayRegister(caller)
                ? ProblemPage.of(HttpStatus.FORBIDDEN)
                : form(exchange, null, PageForms.NONE, PageForms.NONE.form(FORM), HttpStatus.OK));
    }

    @PostMapping("/organisations/new")
    Mono<Rendering> register(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, both.getT1(), Request.change(HttpMethod.POST,
                            "/api/organisations", null, OrganisationForm.details(form, null)))
                    .flatMap(answer -> answer.ok() ? redirect(answer.body().path("id").asString())
                            : refused(exchange, null, form, answer));
        }).onErrorResume(ProblemPage::of);
    }

    /**
     * Open to every reader who may register organisations, not only those offered the link: the service also lets
     * whoever registered an organisation change it, and decides when the change is sent.
     */
    @GetMapping("/organisations/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> !OrganisationForm.mayRegister(caller)
                ? ProblemPage.of(HttpStatus.FORBIDDEN)
                : organisation(caller, id).flatMap(answer -> answer.ok()
                        ? form(exchange, answer.body(), PageForms.NONE, PageForms.NONE.form(FORM, answer.body()),
                                HttpStatus.OK)
                        : ProblemPage.of(answer.status())))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/organisations/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            // What the form does not show comes from the organisation as it is now; If-Match with the version the
            // form was opened at refuses the change if anyone changed the organisation since.
            return organisation(caller, id).flatMap(current -> !current.ok()
                    ? ProblemPage.of(current.status())
                    : downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.PUT,
                                    "/api/organisations/" + id, form.getFirst("version"),
                                    OrganisationForm.details(form, current.body())))
                            .flatMap(answer -> answer.ok() ? redirect(id)
                                    : refused(exchange, current.body(), form, answer)));
        }).onErrorResume(ProblemPage::of);
    }

    private Mono<Answer> organisation(Caller caller, String id) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/organisations/" + id));
    }

    private Mono<Rendering> refused(ServerWebExchange exchange, JsonNode organisation,
                                    MultiValueMap<String, String> form, Answer answer) {
        if (ProblemPage.isOwnPage(answer.status())) {
            return ProblemPage.of(answer.status());
        }
        PageForms forms = PageForms.refused(FORM, answer, form.toSingleValueMap());
        return form(exchange, organisation, forms, forms.form(FORM), answer.status());
    }

    /**
     * @param organisation as it is, for a change; null for a new one
     * @param forms        what the service refused, if anything
     * @param f            the form's controls and what they show
     */
    private static Mono<Rendering> form(ServerWebExchange exchange, JsonNode organisation, PageForms forms,
                                        PageForms.Form f, HttpStatusCode status) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return Mono.just(Rendering.view("organisation-form")
                .modelAttribute("organisation", organisation == null ? Forms.object() : organisation)
                .modelAttribute("editing", organisation != null)
                .modelAttribute("forms", forms)
                .modelAttribute("f", f)
                .modelAttribute("types", Forms.ORGANISATION_TYPES)
                .modelAttribute("sectors", Forms.SECTORS)
                .modelAttribute("countries", OrganisationForm.countries(locale == null ? PortalLocale.SWEDISH : locale))
                .status(status)
                .build());
    }

    /** To the organisation's page, after a change. */
    static Mono<Rendering> redirect(String id) {
        return Forms.redirect("/organisations/" + id);
    }
}
