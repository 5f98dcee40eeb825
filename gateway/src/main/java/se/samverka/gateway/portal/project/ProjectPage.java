package se.samverka.gateway.portal.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Choices;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.views.ProjectView;
import tools.jackson.databind.JsonNode;

/**
 * A project's page, with the choices its forms need when the reader may change the project (project-service lists
 * the steps it may take only to those who may): the organisations to add as partners, the funding programmes and
 * calls, the values of the service's enumerations, and whether the final report is due.
 */
@Component
class ProjectPage {

    /**
     * Where the final report is written: project-service takes it at any time, but it is what an ongoing or suspended
     * project needs to become FINAL_REPORTED, and may be corrected after.
     */
    private static final Set<String> FINAL_REPORT_DUE = Set.of("ONGOING", "SUSPENDED", "FINAL_REPORTED");

    private final Downstream downstream;
    private final Choices choices;

    ProjectPage(Downstream downstream, Choices choices) {
        this.downstream = downstream;
        this.choices = choices;
    }

    Mono<Rendering> render(ProjectView view, Caller caller, Map<String, Object> more, HttpStatusCode status) {
        boolean mayChange = !view.project().path("allowedTransitions").isEmpty();
        Mono<List<JsonNode>> organisations = mayChange ? choices.organisations(caller) : Mono.just(List.of());
        // Every reader needs the programmes' names: a funding line names its programme by code.
        Mono<List<JsonNode>> programmes = downstream.call(Service.PROJECT, caller, Request.get("/api/reference"))
                .map(answer -> list(answer.body().path("fundingProgrammes").path("programmes")));
        Mono<List<JsonNode>> calls = mayChange ? choices.calls(caller) : Mono.just(List.of());
        return Mono.zip(organisations, programmes, calls).map(offered -> Rendering.view("project")
                .modelAttribute("view", view)
                .modelAttribute("title", view.project().path("title").asString())
                .modelAttribute("organisations", offered.getT1())
                .modelAttribute("programmes", offered.getT2())
                .modelAttribute("calls", offered.getT3())
                .modelAttribute("programmeNames", offered.getT2().stream().collect(Collectors.toMap(
                        programme -> programme.path("code").asString(), programme -> programme.path("name"))))
                .modelAttribute("enumerations", ProjectForm.ENUMERATIONS)
                .modelAttribute("finalReportDue", FINAL_REPORT_DUE.contains(view.project().path("status").asString()))
                .modelAttribute("forms", PageForms.NONE)
                .model(more)
                .status(status)
                .build());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
