package se.samverka.gateway.portal.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.JsonNode;

/**
 * The register of funding calls as the reader may see it: without a login the PUBLIC calls (the start page links here),
 * with one what the reader's role may read, partnership-service decides. The list shows the calls one may still apply
 * to, open ones and then upcoming ones, each by its deadline, unless the reader asks for a status; it filters by
 * programme.
 */
@Controller
class CallPages {

    private static final String PAGE = "/api/calls?size=100";

    private final Downstream downstream;
    private final Callers callers;
    private final Choices choices;
    private final CallPage page;

    CallPages(Downstream downstream, Callers callers, Choices choices, CallPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.choices = choices;
        this.page = page;
    }

    @GetMapping("/calls")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        Map<String, String> filters = ListFilters.chosen(parameters, List.of("programme", "status"));
        return callers.current(exchange).flatMap(caller -> Mono.zip(calls(caller, filters), choices.reference(caller))
                        .flatMap(loaded -> loaded.getT1().stream().filter(answer -> !answer.ok()).findFirst()
                                .map(refused -> ProblemPage.of(refused.status()))
                                .orElseGet(() -> Mono.just(Rendering.view("calls")
                                        .modelAttribute("calls", items(loaded.getT1()))
                                        .modelAttribute("total", loaded.getT1().stream()
                                                .mapToLong(answer -> answer.body().path("totalItems").asLong()).sum())
                                        .modelAttribute("filters", filters)
                                        .modelAttribute("statuses", CallForm.STATUSES)
                                        .modelAttribute("reference", loaded.getT2())
                                        .modelAttribute("programmeNames", Choices.programmeNames(loaded.getT2()))
                                        .modelAttribute("mayKeep", CallForm.mayKeep(caller))
                                        .build()))))
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/calls/{id:" + PageForms.ID + "}")
    Mono<Rendering> call(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> page.render(caller, id, PageForms.NONE, HttpStatus.OK))
                .onErrorResume(ProblemPage::of);
    }

    /** The status asked for, or one page of each current status in their order. */
    private Mono<List<Answer>> calls(Caller caller, Map<String, String> filters) {
        List<String> statuses = filters.containsKey("status") ? List.of(filters.get("status")) : CallForm.CURRENT;
        return Flux.fromIterable(statuses)
                .flatMapSequential(status -> {
                    Map<String, String> query = new LinkedHashMap<>(filters);
                    query.put("status", status);
                    return downstream.call(Service.PARTNERSHIP, caller, Request.get(ListFilters.query(PAGE, query)));
                })
                .collectList();
    }

    private static List<JsonNode> items(List<Answer> answers) {
        List<JsonNode> items = new ArrayList<>();
        answers.forEach(answer -> answer.body().path("items").forEach(items::add));
        return items;
    }
}
