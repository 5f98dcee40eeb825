package se.samverka.gateway.portal.project;

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
import reactor.core.publisher.Flux;
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
 * The forms that register and change a project: its description on a page of its own, and on the project's page its
 * partners, funding lines, lifecycle steps, indicators and their values, activities, health and final report. Each
 * sends the change to project-service as the reader; what the service refuses is shown next to the field it names, a
 * version conflict (412) as a sentence that says what to do.
 */
@Controller
class ProjectForms {

    /** The organisation types that may own a project (project-service checks it; the form offers only these). */
    private static final List<String> OWNER_TYPES = List.of("DEPARTMENT", "MUNICIPAL_COMPANY", "COMPANY");

    private final Downstream downstream;
    private final Views views;
    private final Callers callers;
    private final ProjectPage page;
    private final Choices choices;

    ProjectForms(Downstream downstream, Views views, Callers callers, ProjectPage page, Choices choices) {
        this.downstream = downstream;
        this.views = views;
        this.callers = callers;
        this.page = page;
        this.choices = choices;
    }

    @GetMapping("/projects/new")
    Mono<Rendering> newProject(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> {
            MultiValueMap<String, String> defaults = new LinkedMultiValueMap<>();
            defaults.add("visibility", "INTERNAL");
            defaults.add("ownerOrganisationId", caller.organisationId());
            return form(caller, null, ProjectForm.values(defaults), List.of(), false, HttpStatus.OK);
        }).onErrorResume(ProblemPage::of);
    }

    @PostMapping("/projects/new")
    Mono<Rendering> register(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PROJECT, caller,
                            Request.change(HttpMethod.POST, "/api/projects", null, ProjectForm.description(form, null)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/projects/" + answer.body().path("id").asString())
                            : refused(caller, null, form, answer));
        }).onErrorResume(ProblemPage::of);
    }

    @GetMapping("/projects/{id}/edit")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> project(caller, id).flatMap(answer -> answer.ok()
                        ? form(caller, answer.body(), ProjectForm.values(answer.body()), List.of(), false,
                                HttpStatus.OK)
                        : ProblemPage.of(answer.status())))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/projects/{id}/edit")
    Mono<Rendering> describe(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            // The rest of the description comes from the project as it is now; If-Match with the version the form
            // was opened at refuses the change if anyone changed the project since.
            return project(caller, id).flatMap(current -> {
                if (!current.ok()) {
                    return ProblemPage.of(current.status());
                }
                return downstream.call(Service.PROJECT, caller, Request.change(HttpMethod.PUT, "/api/projects/" + id,
                                form.getFirst("version"), ProjectForm.description(form, current.body())))
                        .flatMap(answer -> answer.ok() ? Forms.redirect("/projects/" + id)
                                : refused(caller, current.body(), form, answer));
            });
        }).onErrorResume(ProblemPage::of);
    }

    /** Something added to the project: a partner, a funding line, a lifecycle step, an indicator, an activity. */
    @PostMapping("/projects/{id}/{part:partners|funding-lines|transitions|indicators|activities}")
    Mono<Rendering> add(@PathVariable String id, @PathVariable String part, ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.POST, "/" + part, part, part);
    }

    /** What the project has one of, set anew each time: its health, its final report. */
    @PostMapping("/projects/{id}/{part:health|final-report}")
    Mono<Rendering> set(@PathVariable String id, @PathVariable String part, ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.PUT, "/" + part, part, part);
    }

    /** An indicator or an activity as it is changed. */
    @PostMapping("/projects/{id}/{part:indicators|activities}/{item:" + PageForms.ID + "}")
    Mono<Rendering> replace(@PathVariable String id, @PathVariable String part, @PathVariable String item,
                            ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.PUT, "/" + part + "/" + item, part, part + "-" + item);
    }

    /** A value an indicator reached. */
    @PostMapping("/projects/{id}/indicators/{item:" + PageForms.ID + "}/reports")
    Mono<Rendering> report(@PathVariable String id, @PathVariable String item, ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.POST, "/indicators/" + item + "/reports", "reports", "reports-" + item);
    }

    /** A partner, a funding line or an activity taken away: a form's POST, since a browser sends no DELETE. */
    @PostMapping("/projects/{id}/{part:partners|funding-lines|activities}/{item:" + PageForms.ID + "}/delete")
    Mono<Rendering> remove(@PathVariable String id, @PathVariable String part, @PathVariable String item,
                           ServerWebExchange exchange) {
        return change(exchange, id, HttpMethod.DELETE, "/" + part + "/" + item, null, "remove-" + part + "-" + item);
    }

    /**
     * Sends a form of the project's page to project-service, with the version the page was opened at; back on the
     * page, what was refused is shown at the form that sent it.
     *
     * @param part what the body is ({@link ProjectForm#part}); null for none
     * @param name the form on the page ({@link PageForms})
     */
    private Mono<Rendering> change(ServerWebExchange exchange, String id, HttpMethod method, String path, String part,
                                   String name) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PROJECT, caller, Request.change(method, "/api/projects/" + id + path,
                            form.getFirst("version"), part == null ? null : ProjectForm.part(part, form)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/projects/" + id)
                            : views.project(id, caller).flatMap(view -> page.render(view, caller, Map.of("forms",
                                            PageForms.refused(name, answer, form.toSingleValueMap())),
                                    answer.status())))
                    .onErrorResume(ProblemPage::of);
        });
    }

    private Mono<Rendering> refused(Caller caller, JsonNode project, MultiValueMap<String, String> form,
                                    Answer answer) {
        if (ProblemPage.isOwnPage(answer.status())) {
            return ProblemPage.of(answer.status());
        }
        Map<String, Object> values = ProjectForm.values(form);
        // The version the reader's text was written against, not the project's newest: sent again after someone
        // else's change, it must be refused again rather than overwrite that change unseen.
        values.put("version", form.getFirst("version"));
        return form(caller, project, values, FieldError.of(answer), PageForms.isConflict(answer),
                answer.status());
    }

    /**
     * Whom a project may be registered for: the coordinator chooses among every owning organisation, fetched by type
     * (a page of the whole directory by name would leave out whatever sorts past it); anyone else registers for
     * their own organisation.
     */
    private Mono<List<JsonNode>> owners(Caller caller) {
        if (caller.role() == Role.ADMIN) {
            return Flux.fromIterable(OWNER_TYPES)
                    .concatMap(type -> choices.organisations(caller, "type=" + type))
                    .flatMapIterable(organisations -> organisations)
                    .collectList();
        }
        if (caller.organisationId() == null) {
            return Mono.just(List.of());
        }
        return downstream.call(Service.PARTNERSHIP, caller,
                        Request.get("/api/organisations/" + caller.organisationId()))
                .map(answer -> answer.ok() && OWNER_TYPES.contains(answer.body().path("type").asString())
                        ? List.of(answer.body()) : List.<JsonNode>of());
    }

    private Mono<Rendering> form(Caller caller, JsonNode project, Map<String, Object> values,
                                 List<FieldError> errors, boolean conflict, HttpStatusCode status) {
        Mono<JsonNode> reference = downstream.call(Service.PROJECT, caller, Request.get("/api/reference"))
                .map(Answer::body);
        return Mono.zip(reference, owners(caller)).map(loaded -> Rendering.view("project-form")
                .modelAttribute("project", project == null ? Forms.object() : project)
                .modelAttribute("editing", project != null)
                .modelAttribute("values", values)
                .modelAttribute("reference", loaded.getT1())
                .modelAttribute("owners", loaded.getT2())
                .modelAttribute("errors", errors)
                .modelAttribute("conflict", conflict)
                .status(status)
                .build());
    }

    private Mono<Answer> project(Caller caller, String id) {
        return downstream.call(Service.PROJECT, caller, Request.get("/api/projects/" + id));
    }
}
