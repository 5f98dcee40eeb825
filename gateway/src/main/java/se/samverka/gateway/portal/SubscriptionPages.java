package se.samverka.gateway.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
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
    static final List<String> TYPES = List.of("se.samverka.project.registered", "se.samverka.project.statusChanged",
            "se.samverka.project.fundingLineAdded", "se.samverka.project.activityRecorded",
            "se.samverka.project.updated");

    private final ServiceCalls services;
    private final Callers callers;

    SubscriptionPages(ServiceCalls services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    @GetMapping("/subscriptions")
    Mono<Rendering> list(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> page(caller, null, List.of(), HttpStatus.OK));
    }

    @PostMapping("/subscriptions")
    Mono<Rendering> subscribe(ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            return services.subscription(caller, HttpMethod.POST, "/api/subscriptions", null, details(both.getT2()))
                    .flatMap(reply -> reply.ok()
                            ? Mono.just(Rendering.view("subscription-secret").modelAttribute("subscription", reply.body())
                                    .status(HttpStatus.CREATED).build())
                            : page(caller, both.getT2(), ProjectForms.errors(reply), HttpStatus.valueOf(reply.status())));
        });
    }

    @GetMapping("/subscriptions/{id}")
    Mono<Rendering> subscription(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> Mono.zip(
                        services.subscription(caller, HttpMethod.GET, "/api/subscriptions/" + id, null, null),
                        services.subscription(caller, HttpMethod.GET,
                                "/api/subscriptions/" + id + "/deliveries?size=50&sort=createdAt,desc", null, null)))
                .flatMap(replies -> !replies.getT1().ok() ? ProblemPage.of(replies.getT1().status())
                        : Mono.just(Rendering.view("subscription")
                                .modelAttribute("subscription", replies.getT1().body())
                                .modelAttribute("etag", replies.getT1().etag())
                                .modelAttribute("deliveries", replies.getT2().body())
                                .build()))
                .onErrorResume(ProblemPage::of);
    }

    @PostMapping("/subscriptions/{id}/secret")
    Mono<Rendering> rotate(@PathVariable String id, ServerWebExchange exchange) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> services.subscription(
                        both.getT1(), HttpMethod.POST, "/api/subscriptions/" + id + "/secret", both.getT2().getFirst("version"),
                        null))
                .flatMap(reply -> reply.ok()
                        ? Mono.just(Rendering.view("subscription-secret").modelAttribute("subscription", reply.body())
                                .modelAttribute("rotated", true).build())
                        : ProblemPage.of(reply.status()));
    }

    private Mono<Rendering> page(Caller caller, MultiValueMap<String, String> form,
                                 List<ProjectForms.FieldError> errors, HttpStatus status) {
        return services.subscription(caller, HttpMethod.GET, "/api/subscriptions?size=100", null, null)
                .flatMap(reply -> !reply.ok() ? ProblemPage.of(reply.status())
                        : Mono.just(Rendering.view("subscriptions")
                                .modelAttribute("subscriptions", reply.body().path("items"))
                                .modelAttribute("types", TYPES)
                                .modelAttribute("sink", form == null ? "" : form.getFirst("sink"))
                                .modelAttribute("countries", form == null ? "" : form.getFirst("countries"))
                                .modelAttribute("errors", errors)
                                .status(status)
                                .build()));
    }

    /** The subscription a form describes: its sink, the event types chosen, and the countries written. */
    private static ObjectNode details(MultiValueMap<String, String> form) {
        ObjectNode details = ProjectForm.object();
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
