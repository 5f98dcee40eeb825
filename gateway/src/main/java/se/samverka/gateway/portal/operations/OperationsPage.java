package se.samverka.gateway.portal.operations;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.downstream.ServiceAddresses;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.tokens.SecuritySettings;
import se.samverka.platform.watch.Sample;
import se.samverka.platform.watch.Watch;
import tools.jackson.databind.JsonNode;

/**
 * The operator's view, the coordinator's (ADMIN) only: each part's health, then what {@code ./samverka status}
 * watches (the same {@link Watch}, marked alike), the outbox backlog per instance, the lag per consumer group, the
 * dead letters per topic and group and each one still to be decided on (replayed or discarded by
 * {@link DeadLetterPages}), each service's latest rebuild and the subscriptions whose deliveries fail. Every part is
 * asked at once, each within {@link Probes#TIMEOUT}; a part that does not answer is shown so, never a failed page.
 */
@Controller
class OperationsPage {

    /** Partners' subscriptions are a handful per partner; the first page of the largest size holds them all. */
    private static final String SUBSCRIPTIONS = "/api/subscriptions?size=200";
    /** Deliveries of each subscription asked for at once. */
    private static final int SUBSCRIPTIONS_AT_ONCE = 4;
    /** Open dead letters listed per service: more than a person decides on one by one. */
    private static final String OPEN_DEAD_LETTERS = "/api/operations/dead-letters?status=open&size=50";

    private final Callers callers;
    private final Downstream downstream;
    private final ServiceAddresses addresses;
    private final Probes probes;
    private final WatchLines lines;
    private final SecuritySettings security;

    OperationsPage(Callers callers, Downstream downstream, ServiceAddresses addresses, Probes probes, WatchLines lines,
                   SecuritySettings security) {
        this.callers = callers;
        this.downstream = downstream;
        this.addresses = addresses;
        this.probes = probes;
        this.lines = lines;
        this.security = security;
    }

    /**
     * @param replayed  the dead letter just replayed, confirmed on the page the replay redirects to
     * @param discarded the dead letter just discarded, likewise
     */
    @GetMapping("/operations")
    Mono<Rendering> operations(@RequestParam(required = false) String replayed,
                               @RequestParam(required = false) String discarded, ServerWebExchange exchange,
                               Locale locale) {
        return callers.current(exchange).flatMap(caller -> caller.role() != Role.ADMIN ? notAllowed()
                : read(caller, exchange, locale).map(operations -> Rendering.view("operations")
                        .modelAttribute("operations", operations)
                        .modelAttribute("replayed", DeadLetterPages.confirmable(replayed))
                        .modelAttribute("discarded", DeadLetterPages.confirmable(discarded))
                        .build()));
    }

    /** The page for a reader who is not the coordinator, of the operator's page and of what it leads to. */
    static Mono<Rendering> notAllowed() {
        return Mono.just(Rendering.view("not-allowed").modelAttribute("why", "notAllowed.operations")
                .status(HttpStatus.FORBIDDEN).build());
    }

    private Mono<Operations> read(Caller caller, ServerWebExchange exchange, Locale locale) {
        Map<String, URI> instances = instances();
        URI gateway = exchange.getRequest().getURI();
        Mono<List<PartHealth>> health = Flux.concat(
                        Flux.fromIterable(instances.entrySet())
                                .flatMapSequential(instance -> probes.health(instance.getKey(), instance.getValue())),
                        probes.identityProvider("identity-provider", security.effectiveJwkSetUri()),
                        probes.gateway("gateway", gateway.getScheme() + "://" + gateway.getRawAuthority()))
                .collectList();
        Mono<Map<String, Optional<List<Sample>>>> metrics = Flux.fromIterable(instances.entrySet())
                .flatMapSequential(instance -> probes.metrics(instance.getValue())
                        .map(page -> Map.entry(instance.getKey(), page)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        Mono<List<LatestRebuild>> rebuilds = Flux.fromIterable(Service.OPERATED)
                .flatMapSequential(service -> latestRebuild(caller, service)).collectList();
        Mono<Optional<List<FailingSubscription>>> subscriptions = failingSubscriptions(caller);
        Mono<List<ServiceDeadLetters>> deadLetters = Flux.fromIterable(Service.OPERATED)
                .flatMapSequential(service -> openDeadLetters(caller, service)).collectList();

        return Mono.zip(health, metrics, rebuilds, subscriptions, deadLetters).map(found -> {
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            found.getT2().forEach((instance, page) -> samples.put(instance, page.orElse(List.of())));
            // The gateway cannot ask the broker: the services' own counts say what is open.
            Watch watch = Watch.of(samples, Optional.of(Watch.openDeadLetters(samples)));
            List<String> withoutMetrics = found.getT2().entrySet().stream().filter(page -> page.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            return new Operations(Operations.time(Instant.now()), found.getT1(),
                    lines.of(watch, locale), watch, withoutMetrics, found.getT3(),
                    found.getT4().orElse(null), found.getT5());
        });
    }

    /** Every instance of every service, named as the embedded runtime names them: project-service, project-service-2. */
    private Map<String, URI> instances() {
        Map<String, URI> instances = new LinkedHashMap<>();
        for (Service service : Service.OPERATED) {
            List<URI> each = addresses.of(service);
            for (int i = 0; i < each.size(); i++) {
                instances.put(name(service) + (i == 0 ? "" : "-" + (i + 1)), each.get(i));
            }
        }
        return instances;
    }

    static String name(Service service) {
        return service.id() + "-service";
    }

    /** A service that has no operator API for rebuilds yet answers 404: it has none to show. */
    private Mono<LatestRebuild> latestRebuild(Caller caller, Service service) {
        String name = name(service);
        return downstream.call(service, caller, Request.get("/api/operations/rebuilds"))
                .timeout(Probes.TIMEOUT)
                .map(answer -> answer.ok() ? LatestRebuild.of(name, answer.body())
                        : answer.is(HttpStatus.NOT_FOUND) ? LatestRebuild.none(name) : LatestRebuild.notAnswering(name))
                .onErrorResume(unanswered -> Mono.just(LatestRebuild.notAnswering(name)));
    }

    /** A service that has no operator API for dead letters answers 404: it has none to show. */
    private Mono<ServiceDeadLetters> openDeadLetters(Caller caller, Service service) {
        String name = name(service);
        return downstream.call(service, caller, Request.get(OPEN_DEAD_LETTERS))
                .timeout(Probes.TIMEOUT)
                .map(answer -> answer.ok() || answer.is(HttpStatus.NOT_FOUND)
                        ? new ServiceDeadLetters(name, true, answer.body().path("deadLetters").valueStream()
                                .map(deadLetter -> DeadLetter.of(service, deadLetter)).toList())
                        : ServiceDeadLetters.notAnswering(name))
                .onErrorResume(unanswered -> Mono.just(ServiceDeadLetters.notAnswering(name)));
    }

    /** Every subscription with deliveries given up or waiting, or disabled; empty when they cannot be read. */
    private Mono<Optional<List<FailingSubscription>>> failingSubscriptions(Caller caller) {
        return downstream.call(Service.SUBSCRIPTION, caller, Request.get(SUBSCRIPTIONS))
                .timeout(Probes.TIMEOUT)
                .flatMap(answer -> answer.ok() ? Flux.fromIterable(answer.body().path("items"))
                        .flatMapSequential(subscription -> deliveries(caller, subscription), SUBSCRIPTIONS_AT_ONCE)
                        .filter(subscription -> subscription.needsAPerson() || subscription.waiting() > 0)
                        .collectList().map(Optional::of) : Mono.just(Optional.<List<FailingSubscription>>empty()))
                .onErrorResume(unanswered -> Mono.just(Optional.empty()));
    }

    private Mono<FailingSubscription> deliveries(Caller caller, JsonNode subscription) {
        String id = subscription.path("id").asString();
        return Mono.zip(deliveries(caller, id, "FAILED"), deliveries(caller, id, "PENDING"))
                .map(counts -> new FailingSubscription(id, subscription.path("sink").asString(),
                        subscription.path("organisationId").asString(null), subscription.path("status").asString(),
                        subscription.path("disabledReason").asString(null), counts.getT1(), counts.getT2()));
    }

    /** How many of the subscription's deliveries are in this status: one page of one says so. */
    private Mono<Long> deliveries(Caller caller, String subscription, String status) {
        return downstream.call(Service.SUBSCRIPTION, caller,
                        Request.get("/api/subscriptions/{id}/deliveries?status=" + status + "&size=1", subscription))
                .timeout(Probes.TIMEOUT)
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body().path("totalItems").asLong())
                        : Mono.error(new IllegalStateException("deliveries answered " + answer.status())));
    }
}
