package se.samverka.gateway.portal.subscription;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.FieldError;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's subscriptions to project events: the list, a form to subscribe a webhook sink, and a subscription's
 * page with its delivery log and the rotation of its signing secret. A new secret is shown once, on the page that
 * answers its making; subscription-service never shows it again.
 */
@Controller
class SubscriptionPages {

    /** The project events a person subscribes to, as the form offers them. */
    private static final List<String> TYPES = List.of("se.samverka.project.registered",
            "se.samverka.project.statusChanged", "se.samverka.project.fundingLineAdded",
            "se.samverka.project.activityRecorded", "se.samverka.project.updated");

    private final Downstream downstream;
    private final Callers callers;

    SubscriptionPages(Downstream downstream, Callers callers) {
        this.downstream = downstream;
        this.callers = callers;
    }

    @GetMapping("/subscriptions")
    Mono<Rendering> list(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> page(caller, null, List.of(), HttpStatus.OK))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/subscriptions")
    Mono<Rendering> subscribe(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            return downstream.call(Service.SUBSCRIPTION, caller,
                            Request.change(HttpMethod.POST, "/api/subscriptions", null, details(both.getT2())))
                    .flatMap(answer -> answer.ok()
                            ? Mono.just(Rendering.view("subscription-secret").modelAttribute("subscription", answer.body())
                                    .status(HttpStatus.CREATED).build())
                            : page(caller, both.getT2(), FieldError.of(answer), answer.status()));
        }).onErrorResume(ProblemPage::of);
    }

    @GetMapping("/subscriptions/{id}")
    Mono<Rendering> subscription(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> Mono.zip(
                        downstream.call(Service.SUBSCRIPTION, caller, Request.get("/api/subscriptions/" + id)),
                        downstream.call(Service.SUBSCRIPTION, caller,
                                Request.get("/api/subscriptions/" + id + "/deliveries?size=50&sort=createdAt,desc"))))
                .flatMap(answers -> !answers.getT1().ok() ? ProblemPage.of(answers.getT1().status())
                        : Mono.just(Rendering.view("subscription")
                                .modelAttribute("subscription", answers.getT1().body())
                                .modelAttribute("etag", answers.getT1().etag())
                                .modelAttribute("deliveries", answers.getT2().body())
                                .build()))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/subscriptions/{id}/secret")
    Mono<Rendering> rotate(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData())
                .flatMap(both -> downstream.call(Service.SUBSCRIPTION, both.getT1(), Request.change(HttpMethod.POST,
                        "/api/subscriptions/" + id + "/secret", both.getT2().getFirst("version"), null)))
                .flatMap(answer -> answer.ok()
                        ? Mono.just(Rendering.view("subscription-secret").modelAttribute("subscription", answer.body())
                                .modelAttribute("rotated", true).build())
                        : ProblemPage.of(answer.status()))
                .onErrorResume(ProblemPage::of);
    }

    private Mono<Rendering> page(Caller caller, MultiValueMap<String, String> form,
                                 List<FieldError> errors, HttpStatusCode status) {
        return downstream.call(Service.SUBSCRIPTION, caller, Request.get("/api/subscriptions?size=100"))
                .flatMap(answer -> !answer.ok() ? ProblemPage.of(answer.status())
                        : Mono.just(Rendering.view("subscriptions")
                                .modelAttribute("subscriptions", answer.body().path("items"))
                                .modelAttribute("types", TYPES)
                                .modelAttribute("sink", form == null ? "" : form.getFirst("sink"))
                                .modelAttribute("countries", form == null ? "" : form.getFirst("countries"))
                                .modelAttribute("errors", errors)
                                .status(status)
                                .build()));
    }

    /** The subscription a form describes: its sink, the event types chosen, and the countries written. */
    private static ObjectNode details(MultiValueMap<String, String> form) {
        ObjectNode details = Forms.object();
        details.put("sink", form.getFirst("sink") == null ? "" : form.getFirst("sink").strip());
        ArrayNode types = details.putArray("types");
        form.getOrDefault("types", List.of()).forEach(types::add);
        String countries = form.getFirst("countries");
        if (StringUtils.hasText(countries)) {
            ArrayNode chosen = details.putObject("projects").putArray("countries");
            Arrays.stream(countries.split("[,\\s]+")).filter(StringUtils::hasText)
                    .map(country -> country.strip().toUpperCase(Locale.ROOT)).forEach(chosen::add);
        }
        return details;
    }
}
