package se.samverka.gateway.portal.call;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
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
import se.samverka.gateway.portal.Choices;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator's forms that publish a funding call, change it and withdraw it. Each sends the change to
 * partnership-service as the reader; what the service refuses is shown next to the field it names, a version conflict
 * (412) as a sentence that says what to do.
 */
@Controller
class CallForms {

    /** The description form's name on its page ({@link PageForms}): the prefix of its controls' ids. */
    private static final String FORM = "call";
    private static final String WITHDRAWAL = "withdrawal";
    private static final String CALLS = "/api/calls/";

    private final Downstream downstream;
    private final Callers callers;
    private final Choices choices;
    private final CallPage page;

    CallForms(Downstream downstream, Callers callers, Choices choices, CallPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.choices = choices;
        this.page = page;
    }

    @GetMapping("/calls/new")
    Mono<Rendering> newCall(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> {
            if (!CallForm.mayKeep(caller)) {
                return ProblemPage.of(HttpStatus.FORBIDDEN);
            }
            MultiValueMap<String, String> defaults = new LinkedMultiValueMap<>();
            defaults.add("visibility", "PUBLIC");
            defaults.add("currency", "EUR");
            return form(caller, null, PageForms.NONE.form(FORM, defaults.toSingleValueMap()),
                    Forms.chosen(defaults, CallForm.CHOICES), PageForms.NONE, HttpStatus.OK);
        }).onErrorResume(ProblemPage::of);
    }

    @PostMapping("/calls/new")
    Mono<Rendering> publish(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST, "/api/calls", null,
                            CallForm.description(form)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/calls/" + answer.body().path("id").asString())
                            : refused(caller, null, form, answer));
        }).onErrorResume(ProblemPage::of);
    }

    @GetMapping("/calls/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> !CallForm.mayKeep(caller)
                        ? ProblemPage.of(HttpStatus.FORBIDDEN)
                        : call(caller, id).flatMap(answer -> answer.ok()
                                ? form(caller, answer.body(), PageForms.NONE.form(FORM, CallForm.values(answer.body())),
                                        Forms.chosen(answer.body(), CallForm.CHOICES), PageForms.NONE, HttpStatus.OK)
                                : ProblemPage.of(answer.status())))
                .onErrorResume(ProblemPage::of);
    }

    /** The whole description anew, against the version the form was opened at. */
    @PostMapping("/calls/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return call(caller, id).flatMap(current -> !current.ok() ? ProblemPage.of(current.status())
                    : downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.PUT, CALLS + id,
                                    form.getFirst("version"), CallForm.description(form)))
                            .flatMap(answer -> answer.ok() ? Forms.redirect("/calls/" + id)
                                    : refused(caller, current.body(), form, answer)));
        }).onErrorResume(ProblemPage::of);
    }

    /** Withdrawn, with why; back on the call's page, what was refused is shown at the form. */
    @PostMapping("/calls/{id:" + PageForms.ID + "}/withdrawal")
    Mono<Rendering> withdraw(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST,
                            CALLS + id + "/withdrawal", form.getFirst("version"), CallForm.withdrawal(form)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/calls/" + id)
                            : ProblemPage.isOwnPage(answer.status()) ? ProblemPage.of(answer.status())
                            : page.render(caller, id, PageForms.refused(WITHDRAWAL, answer, form.toSingleValueMap()),
                                    answer.status()));
        }).onErrorResume(ProblemPage::of);
    }

    private Mono<Answer> call(Caller caller, String id) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/calls/{id}", id));
    }

    private Mono<Rendering> refused(Caller caller, JsonNode call, MultiValueMap<String, String> form, Answer answer) {
        if (ProblemPage.isOwnPage(answer.status())) {
            return ProblemPage.of(answer.status());
        }
        PageForms forms = PageForms.refused(FORM, answer, form.toSingleValueMap());
        return form(caller, call, forms.form(FORM), Forms.chosen(form, CallForm.CHOICES), forms, answer.status());
    }

    /**
     * @param call   as it is, for a change; null for a new one
     * @param chosen what the choices of several show chosen
     * @param forms  what the service refused, if anything
     */
    private Mono<Rendering> form(Caller caller, JsonNode call, PageForms.Form fields, Map<String, List<String>> chosen,
                                 PageForms forms, HttpStatusCode status) {
        return choices.reference(caller).map(reference -> Rendering.view("call-form")
                .modelAttribute("call", call == null ? Forms.object() : call)
                .modelAttribute("editing", call != null)
                .modelAttribute("f", fields)
                .modelAttribute("chosen", chosen)
                .modelAttribute("forms", forms)
                .modelAttribute("reference", reference)
                .modelAttribute("themes", Forms.THEMES)
                .modelAttribute("organisationTypes", Forms.ORGANISATION_TYPES)
                .modelAttribute("visibilities", Forms.VISIBILITIES)
                .status(status)
                .build());
    }
}
