package se.samverka.gateway.portal.operations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.node.ObjectNode;

/**
 * One dead letter of a service, the coordinator's only (docs/operations.md, "Records were dead-lettered"): its page
 * with its headers and payload, and the two decisions on it, replay and discard, which the service makes (its
 * operator API, {@code /api/operations/dead-letters}). A decision made goes back to the operator's page, which says
 * so; one the service refuses (it failed again, it was decided already, no reason given) is shown on the dead letter's
 * page with what the service said.
 */
@Controller
@RequestMapping(DeadLetterPages.PAGES + "/{service}/{topic:[A-Za-z0-9._-]+}/{partition:\\d+}/{offset:\\d+}")
class DeadLetterPages {

    static final String PAGES = "/operations/dead-letters";
    private static final String API = "/api/operations/dead-letters/{topic}/{partition}/{offset}";
    /** A dead letter's id as the operator's page confirms a decision on it: nothing else is said back to the reader. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+/\\d+/\\d+");
    private static final String REPLAY = "replay";
    private static final String DISCARD = "discard";

    private final Callers callers;
    private final Downstream downstream;

    DeadLetterPages(Callers callers, Downstream downstream) {
        this.callers = callers;
        this.downstream = downstream;
    }

    static String page(Service service, String topic, int partition, long offset) {
        return PAGES + "/" + service.id() + "/" + topic + "/" + partition + "/" + offset;
    }

    /** The id of a dead letter decided on, to confirm on the operator's page; null for anything else. */
    static String confirmable(String id) {
        return id != null && ID.matcher(id).matches() ? id : null;
    }

    @GetMapping
    Mono<Rendering> deadLetter(@PathVariable String service, @PathVariable String topic, @PathVariable int partition,
                               @PathVariable long offset, ServerWebExchange exchange) {
        return asOperator(service, exchange, (caller, of) -> page(caller, of, topic, partition, offset,
                PageForms.NONE, HttpStatus.OK));
    }

    @PostMapping("/" + REPLAY)
    Mono<Rendering> replay(@PathVariable String service, @PathVariable String topic, @PathVariable int partition,
                           @PathVariable long offset, ServerWebExchange exchange) {
        return asOperator(service, exchange, (caller, of) -> decide(caller, of, topic, partition, offset, REPLAY,
                null, Map.of()));
    }

    @PostMapping("/" + DISCARD)
    Mono<Rendering> discard(@PathVariable String service, @PathVariable String topic, @PathVariable int partition,
                            @PathVariable long offset, ServerWebExchange exchange) {
        return asOperator(service, exchange, (caller, of) -> exchange.getFormData().flatMap(form -> {
            ObjectNode reason = Forms.object();
            Forms.texts(reason, form, "reason");
            return decide(caller, of, topic, partition, offset, DISCARD, reason, sent(form));
        }));
    }

    /** The coordinator's, of a service that has dead letters; anyone else is not allowed, another service not found. */
    private Mono<Rendering> asOperator(String service, ServerWebExchange exchange,
                                       BiFunction<Caller, Service, Mono<Rendering>> then) {
        Optional<Service> of = Service.OPERATED.stream().filter(known -> known.id().equals(service)).findFirst();
        return callers.current(exchange).flatMap(caller -> caller.role() != Role.ADMIN ? OperationsPage.notAllowed()
                        : of.map(known -> then.apply(caller, known))
                                .orElseGet(() -> ProblemPage.of(HttpStatus.NOT_FOUND)))
                .onErrorResume(ProblemPage::of);
    }

    /** A decision made goes back to the operator's page; one refused shows the dead letter with why. */
    private Mono<Rendering> decide(Caller caller, Service service, String topic, int partition, long offset,
                                   String decision, ObjectNode body, Map<String, String> sent) {
        return downstream.call(service, caller, new Request(HttpMethod.POST, API + "/" + decision,
                        List.of(topic, partition, offset), null, body))
                .flatMap(answer -> answer.ok()
                        ? Forms.redirect("/operations?" + (decision.equals(REPLAY) ? "replayed" : "discarded") + "="
                                + topic + "/" + partition + "/" + offset)
                        : ProblemPage.isOwnPage(answer.status()) ? ProblemPage.of(answer.status())
                        : page(caller, service, topic, partition, offset,
                                PageForms.refused(decision, answer, sent), answer.status()));
    }

    private Mono<Rendering> page(Caller caller, Service service, String topic, int partition, long offset,
                                 PageForms forms, HttpStatusCode status) {
        return downstream.call(service, caller, Request.get(API, topic, partition, offset))
                .flatMap(answer -> !answer.ok() ? ProblemPage.of(answer.status())
                        : Mono.just(Rendering.view("dead-letter")
                                .modelAttribute("deadLetter", DeadLetter.of(service, answer.body()))
                                .modelAttribute("whole", answer.body())
                                .modelAttribute("decidedAt", Operations.time(answer.body().path("decision").path("at")))
                                .modelAttribute("forms", forms)
                                .status(status)
                                .build()));
    }

    private static Map<String, String> sent(MultiValueMap<String, String> form) {
        String reason = form.getFirst("reason");
        return reason == null ? Map.of() : Map.of("reason", reason);
    }
}
