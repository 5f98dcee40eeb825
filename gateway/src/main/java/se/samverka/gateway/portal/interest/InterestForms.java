package se.samverka.gateway.portal.interest;

import java.util.ArrayList;
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
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;

/**
 * The forms that state an interest, change it and withdraw it, and the one that proposes an introduction from one of
 * its matches. Each sends the change to partnership-service as the reader; what the service refuses is shown next to
 * the field it names, a version conflict (412) as a sentence that says what to do, and a refused proposal (403, 409,
 * 422) at the match it was made from, in the service's words.
 */
@Controller
class InterestForms {

    /** The description form's name on its page ({@link PageForms}): the prefix of its controls' ids. */
    private static final String FORM = "interest";
    private static final String WITHDRAWAL = "withdrawal";
    private static final String INTERESTS = "/api/interests/";

    private final Downstream downstream;
    private final Callers callers;
    private final Choices choices;
    private final InterestPage page;

    InterestForms(Downstream downstream, Callers callers, Choices choices, InterestPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.choices = choices;
        this.page = page;
    }

    @GetMapping("/interests/new")
    Mono<Rendering> newInterest(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> {
            if (!InterestForm.mayState(caller)) {
                return ProblemPage.of(HttpStatus.FORBIDDEN);
            }
            MultiValueMap<String, String> defaults = new LinkedMultiValueMap<>();
            defaults.add("direction", "SEEKS");
            defaults.add("visibility", "INTERNAL");
            defaults.add("organisationId", caller.organisationId());
            return form(caller, null, PageForms.NONE.form(FORM, defaults.toSingleValueMap()),
                    Forms.chosen(defaults, InterestForm.CHOICES), PageForms.NONE, HttpStatus.OK);
        }).onErrorResume(ProblemPage::of);
    }

    @PostMapping("/interests/new")
    Mono<Rendering> state(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST, "/api/interests", null,
                            InterestForm.description(form, caller, null)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/interests/" + answer.body().path("id").asString())
                            : refused(caller, null, form, answer));
        }).onErrorResume(ProblemPage::of);
    }

    @GetMapping("/interests/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> interest(caller, id).flatMap(answer -> answer.ok()
                        ? form(caller, answer.body(), PageForms.NONE.form(FORM, InterestForm.values(answer.body())),
                                Forms.chosen(answer.body(), InterestForm.CHOICES), PageForms.NONE, HttpStatus.OK)
                        : ProblemPage.of(answer.status())))
                .onErrorResume(ProblemPage::of);
    }

    /** The whole description anew, against the version the form was opened at. */
    @PostMapping("/interests/{id:" + PageForms.ID + "}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return interest(caller, id).flatMap(current -> !current.ok() ? ProblemPage.of(current.status())
                    : downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.PUT, INTERESTS + id,
                                    form.getFirst("version"), InterestForm.description(form, caller, current.body())))
                            .flatMap(answer -> answer.ok() ? Forms.redirect("/interests/" + id)
                                    : refused(caller, current.body(), form, answer)));
        }).onErrorResume(ProblemPage::of);
    }

    @PostMapping("/interests/{id:" + PageForms.ID + "}/withdrawal")
    Mono<Rendering> withdraw(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST,
                            INTERESTS + id + "/withdrawal", form.getFirst("version"), Forms.object()))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/interests/" + id)
                            : ProblemPage.isOwnPage(answer.status()) ? ProblemPage.of(answer.status())
                            : page.render(caller, id, PageForms.refused(WITHDRAWAL, answer, form.toSingleValueMap()),
                                    answer.status()));
        }).onErrorResume(ProblemPage::of);
    }

    /**
     * An introduction proposed from one of the interest's matches: to its page when made; else back on the interest's
     * page, what the service said (not allowed, already proposed, invalid) at the match's form. Only an interest that
     * cannot be read is a page of its own.
     */
    @PostMapping("/interests/{id:" + PageForms.ID + "}/introductions")
    Mono<Rendering> propose(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST, "/api/introductions",
                            null, InterestForm.introduction(id, form)))
                    .flatMap(answer -> answer.ok()
                            ? Forms.redirect("/introductions/" + answer.body().path("id").asString())
                            : page.render(caller, id, PageForms.refused(proposal(form), answer,
                                    form.toSingleValueMap()), answer.status()));
        }).onErrorResume(ProblemPage::of);
    }

    /** The name of a match's proposal form on the interest's page, e.g. {@code introduce-PARTNERSHIP-s1}. */
    private static String proposal(MultiValueMap<String, String> form) {
        return "introduce-" + form.getFirst("counterpartKind") + "-" + form.getFirst("counterpartId");
    }

    private Mono<Answer> interest(Caller caller, String id) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/interests/{id}", id));
    }

    private Mono<Rendering> refused(Caller caller, JsonNode interest, MultiValueMap<String, String> form,
                                    Answer answer) {
        if (ProblemPage.isOwnPage(answer.status())) {
            return ProblemPage.of(answer.status());
        }
        PageForms forms = PageForms.refused(FORM, answer, form.toSingleValueMap());
        return form(caller, interest, forms.form(FORM), Forms.chosen(form, InterestForm.CHOICES), forms,
                answer.status());
    }

    /**
     * The description form, with the organisations to choose from for the coordinator, and the projects of the
     * interest's organisation (the reader's own for a new one) that it may be for.
     *
     * @param interest as it is, for a change; null for a new one
     */
    private Mono<Rendering> form(Caller caller, JsonNode interest, PageForms.Form fields,
                                 Map<String, List<String>> chosen, PageForms forms, HttpStatusCode status) {
        String organisationId = interest == null ? caller.organisationId() : interest.path("organisationId").asString();
        Mono<List<JsonNode>> organisations = caller.role() == Role.ADMIN ? choices.organisations(caller)
                : Mono.just(List.of());
        return Mono.zip(choices.reference(caller), organisations, choices.projects(caller, organisationId))
                .map(loaded -> Rendering.view("interest-form")
                        .modelAttribute("interest", interest == null ? Forms.object() : interest)
                        .modelAttribute("editing", interest != null)
                        .modelAttribute("f", fields)
                        .modelAttribute("chosen", chosen)
                        .modelAttribute("forms", forms)
                        .modelAttribute("reference", loaded.getT1())
                        .modelAttribute("chooseOrganisation", caller.role() == Role.ADMIN)
                        .modelAttribute("organisations", loaded.getT2())
                        .modelAttribute("projects", withChosen(loaded.getT3(), fields.value("projectId")))
                        .modelAttribute("directions", InterestForm.DIRECTIONS)
                        .modelAttribute("purposes", InterestForm.PURPOSES)
                        .modelAttribute("themes", Forms.THEMES)
                        .modelAttribute("sectors", Forms.SECTORS)
                        .modelAttribute("visibilities", Forms.VISIBILITIES)
                        .status(status)
                        .build());
    }

    /** The projects to choose from, and the one the interest is for though the reader does not see it among them. */
    private static List<JsonNode> withChosen(List<JsonNode> projects, String chosen) {
        if (chosen == null || chosen.isEmpty()
                || projects.stream().anyMatch(project -> chosen.equals(project.path("id").asString()))) {
            return projects;
        }
        List<JsonNode> all = new ArrayList<>(projects);
        all.add(Forms.object().put("id", chosen).put("title", chosen));
        return all;
    }
}
