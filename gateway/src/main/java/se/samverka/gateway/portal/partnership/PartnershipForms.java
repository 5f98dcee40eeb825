package se.samverka.gateway.portal.partnership;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
import se.samverka.gateway.portal.FieldError;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.gateway.views.Views;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;

/**
 * The forms that register and change a partnership of the register: its description on a page of its own, and on
 * the partnership's page its lifecycle steps, parties, decisions and agreement. Each sends the change to
 * partnership-service as the reader; what the service refuses is shown next to the field it names, a version conflict
 * (412) as a sentence that says what to do.
 */
@Controller
class PartnershipForms {

    /** The organisation types that may be responsible for a partnership (partnership-service checks it). */
    private static final Set<String> RESPONSIBLE_TYPES = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY");
    /** The roles that may register anything; partnership-service refuses the others. */
    private static final Set<Role> REGISTERING = Set.of(Role.ADMIN, Role.STAFF, Role.COMPANY);
    private static final String PARTNERSHIPS = "/api/partnerships/";

    private final Downstream downstream;
    private final Views views;
    private final Callers callers;
    private final PartnershipPage page;
    private final Choices choices;

    PartnershipForms(Downstream downstream, Views views, Callers callers, PartnershipPage page, Choices choices) {
        this.downstream = downstream;
        this.views = views;
        this.callers = callers;
        this.page = page;
        this.choices = choices;
    }

    @GetMapping("/partnerships/new")
    Mono<Rendering> newPartnership(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> {
            if (!REGISTERING.contains(caller.role())) {
                return ProblemPage.of(HttpStatus.FORBIDDEN);
            }
            MultiValueMap<String, String> defaults = new LinkedMultiValueMap<>();
            defaults.add("visibility", "INTERNAL");
            defaults.add("responsibleDepartmentId", caller.organisationId());
            return form(caller, null, defaults, List.of(), false, HttpStatus.OK);
        }).onErrorResume(ProblemPage::of);
    }

    @PostMapping("/partnerships/new")
    Mono<Rendering> register(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST, "/api/partnerships",
                            null, PartnershipForm.details(form, null)))
                    .flatMap(answer -> answer.ok()
                            ? Forms.redirect("/partnerships/" + answer.body().path("id").asString())
                            : refused(caller, null, form, answer));
        }).onErrorResume(ProblemPage::of);
    }

    @GetMapping("/partnerships/{id}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> partnership(caller, id).flatMap(answer -> answer.ok()
                        ? form(caller, answer.body(), null, List.of(), false, HttpStatus.OK)
                        : ProblemPage.of(answer.status())))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/partnerships/{id}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            // The themes come from the partnership as it is now; If-Match with the version the form was opened at
            // refuses the change if anyone changed the partnership since.
            return partnership(caller, id).flatMap(current -> {
                if (!current.ok()) {
                    return ProblemPage.of(current.status());
                }
                return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.PUT, PARTNERSHIPS + id,
                                form.getFirst("version"), PartnershipForm.details(form, current.body())))
                        .flatMap(answer -> answer.ok() ? Forms.redirect("/partnerships/" + id)
                                : refused(caller, current.body(), form, answer));
            });
        }).onErrorResume(ProblemPage::of);
    }

    /** Something added to the partnership: a lifecycle step, a party, a decision. */
    @PostMapping("/partnerships/{id}/{part:transitions|parties|decisions}")
    Mono<Rendering> add(@PathVariable String id, @PathVariable String part, ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.POST, "/" + part, part, part);
    }

    /** The agreement, recorded anew each time. */
    @PostMapping("/partnerships/{id}/agreement")
    Mono<Rendering> agree(@PathVariable String id, ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.PUT, "/agreement", "agreement", "agreement");
    }

    /** A party taken away: a form's POST, since a browser sends no DELETE. */
    @PostMapping("/partnerships/{id}/parties/{item:" + PageForms.ID + "}/delete")
    Mono<Rendering> remove(@PathVariable String id, @PathVariable String item, ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.DELETE, "/parties/" + item, null, "remove-parties-" + item);
    }

    /**
     * Sends a form of the partnership's page to partnership-service, with the version the page was opened at; back
     * on the page, what was refused is shown at the form that sent it.
     *
     * @param part what the body is ({@link PartnershipForm#part}); null for none
     * @param name the form on the page ({@link PageForms})
     */
    private Mono<Rendering> change(ServerWebExchange exchange, String id, HttpMethod method, String path, String part,
                                   String name) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(method, PARTNERSHIPS + id + path,
                            form.getFirst("version"), part == null ? null : PartnershipForm.part(part, form)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/partnerships/" + id)
                            : views.partnership(id, caller).flatMap(view -> page.render(view, caller, Map.of("forms",
                                            PageForms.refused(name, answer, form.toSingleValueMap())),
                                    answer.status())))
                    .onErrorResume(ProblemPage::of);
        });
    }

    private Mono<Rendering> refused(Caller caller, JsonNode partnership, MultiValueMap<String, String> form,
                                    Answer answer) {
        if (ProblemPage.isOwnPage(answer.status())) {
            return ProblemPage.of(answer.status());
        }
        return form(caller, partnership, form, FieldError.of(answer), PageForms.isConflict(answer),
                answer.status());
    }

    private Mono<Answer> partnership(Caller caller, String id) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get(PARTNERSHIPS + id));
    }

    /**
     * The description form: a new partnership with its parties, or one as it is.
     *
     * @param sent what the reader sent, shown again; null to show the partnership as it is
     */
    private Mono<Rendering> form(Caller caller, JsonNode partnership, MultiValueMap<String, String> sent,
                                 List<FieldError> errors, boolean conflict, HttpStatusCode status) {
        Mono<JsonNode> reference = downstream.call(Service.PROJECT, caller, Request.get("/api/reference"))
                .map(Answer::body);
        PageForms.Form fields = new PageForms.Form("", !errors.isEmpty() || conflict, errors, sent == null
                ? Forms.values(partnership) : sent.toSingleValueMap());
        return Mono.zip(reference, choices.organisations(caller)).map(loaded -> Rendering.view("partnership-form")
                .modelAttribute("partnership", partnership == null ? Forms.object() : partnership)
                .modelAttribute("editing", partnership != null)
                .modelAttribute("f", fields)
                .modelAttribute("strategies", sent == null ? PartnershipForm.strategies(partnership)
                        : PartnershipForm.strategies(sent))
                .modelAttribute("reference", loaded.getT1())
                .modelAttribute("organisations", loaded.getT2())
                .modelAttribute("departments", loaded.getT2().stream()
                        .filter(organisation -> mayBeResponsible(caller, organisation)).toList())
                .modelAttribute("enumerations", PartnershipForm.ENUMERATIONS)
                .modelAttribute("partyRows", PartnershipForm.PARTY_ROWS)
                .modelAttribute("errors", errors)
                .modelAttribute("conflict", conflict)
                .status(status)
                .build());
    }

    /** A department the reader may make responsible: its own, or any for an administrator. */
    private static boolean mayBeResponsible(Caller caller, JsonNode organisation) {
        return RESPONSIBLE_TYPES.contains(organisation.path("type").asString())
                && (caller.role() == Role.ADMIN || organisation.path("id").asString().equals(caller.organisationId()));
    }
}
