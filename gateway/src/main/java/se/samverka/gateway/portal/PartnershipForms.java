package se.samverka.gateway.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ProjectForms.FieldError;
import se.samverka.gateway.portal.ServiceCalls.Reply;
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

    private final ServiceCalls services;
    private final Views views;
    private final Callers callers;
    private final PartnershipPage page;

    PartnershipForms(ServiceCalls services, Views views, Callers callers, PartnershipPage page) {
        this.services = services;
        this.views = views;
        this.callers = callers;
        this.page = page;
    }

    @GetMapping("/partnerships/new")
    Mono<Rendering> newPartnership(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> {
            if (!REGISTERING.contains(caller.role())) {
                return ProblemPage.of(HttpStatus.FORBIDDEN.value());
            }
            MultiValueMap<String, String> defaults = new LinkedMultiValueMap<>();
            defaults.add("visibility", "INTERNAL");
            defaults.add("responsibleDepartmentId", caller.organisationId());
            return form(caller, null, defaults, List.of(), false, HttpStatus.OK);
        });
    }

    @PostMapping("/partnerships/new")
    Mono<Rendering> register(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return services.partnership(caller, HttpMethod.POST, "/api/partnerships", null,
                            PartnershipForm.details(form, null))
                    .flatMap(reply -> reply.ok() ? ProjectForms.redirect("/partnerships/" + reply.body().path("id").asString())
                            : refused(caller, null, form, reply));
        });
    }

    @GetMapping("/partnerships/{id}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> services.partnership(caller, HttpMethod.GET,
                PARTNERSHIPS + id).flatMap(reply -> reply.ok()
                ? form(caller, reply.body(), null, List.of(), false, HttpStatus.OK)
                : ProblemPage.of(reply.status())));
    }

    @PostMapping("/partnerships/{id}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            // The themes come from the partnership as it is now; If-Match with the version the form was opened at
            // refuses the change if anyone changed the partnership since.
            return services.partnership(caller, HttpMethod.GET, PARTNERSHIPS + id).flatMap(current -> {
                if (!current.ok()) {
                    return ProblemPage.of(current.status());
                }
                return services.partnership(caller, HttpMethod.PUT, PARTNERSHIPS + id, form.getFirst("version"),
                                PartnershipForm.details(form, current.body()))
                        .flatMap(reply -> reply.ok() ? ProjectForms.redirect("/partnerships/" + id)
                                : refused(caller, current.body(), form, reply));
            });
        });
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
            return services.partnership(caller, method, PARTNERSHIPS + id + path, form.getFirst("version"),
                            part == null ? null : PartnershipForm.part(part, form))
                    .flatMap(reply -> reply.ok() ? ProjectForms.redirect("/partnerships/" + id)
                            : views.partnership(id, caller).flatMap(view -> page.render(view, caller, Map.of("forms",
                                            new PageForms(name, ProjectForms.errors(reply), reply.status() == 412,
                                                    form.toSingleValueMap())),
                                    HttpStatus.valueOf(reply.status()))))
                    .onErrorResume(ProblemPage::of);
        });
    }

    private Mono<Rendering> refused(Caller caller, JsonNode partnership, MultiValueMap<String, String> form,
                                    Reply reply) {
        if (ProblemPage.isOwnPage(reply.status())) {
            return ProblemPage.of(reply.status());
        }
        return form(caller, partnership, form, ProjectForms.errors(reply), reply.status() == 412,
                HttpStatus.valueOf(reply.status()));
    }

    /**
     * The description form: a new partnership with its parties, or one as it is.
     *
     * @param sent what the reader sent, shown again; null to show the partnership as it is
     */
    private Mono<Rendering> form(Caller caller, JsonNode partnership, MultiValueMap<String, String> sent,
                                 List<FieldError> errors, boolean conflict, HttpStatus status) {
        Mono<JsonNode> reference = services.project(caller, HttpMethod.GET, "/api/reference", null, null)
                .map(Reply::body);
        PageForms.Form fields = new PageForms.Form("", !errors.isEmpty() || conflict, errors, sent == null
                ? ProjectForm.partValues(partnership) : sent.toSingleValueMap());
        return Mono.zip(reference, page.organisations(caller)).map(loaded -> Rendering.view("partnership-form")
                .modelAttribute("partnership", partnership == null ? ProjectForm.object() : partnership)
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
