package se.samverka.gateway.portal.operations;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.samverka.platform.watch.Sample;
import tools.jackson.databind.JsonNode;

/**
 * Reads one instance of a part at a time: its health and its metrics page. Not through {@code Downstream}, which
 * takes turns over a service's instances behind its circuit breaker: the operator wants each instance as it is, the
 * one whose breaker is open included. The services' operator endpoints answer only inside the platform's network,
 * where the gateway is; they ask for no token.
 */
@Component
class Probes {

    /** Long enough for a busy instance on two cores, short enough that the page does not wait for one that hangs. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** A service's metrics page, its histograms included, is a few hundred kilobytes. */
    private static final int LARGEST_PAGE = 16 * 1024 * 1024;
    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4");

    private final WebClient client;
    private final HealthEndpoint gatewayHealth;

    Probes(WebClient.Builder builder, HealthEndpoint gatewayHealth) {
        this.client = builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(LARGEST_PAGE)).build();
        this.gatewayHealth = gatewayHealth;
    }

    /** A service instance's health with what it says of the store and the broker; DOWN answers 503 with the same. */
    Mono<PartHealth> health(String part, URI instance) {
        return client.get().uri(instance + "/actuator/health").accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(answer -> answer.bodyToMono(JsonNode.class))
                .timeout(TIMEOUT)
                .map(health -> new PartHealth(part, instance.toString(), health.path("status").asString(null),
                        health.path("components").path("mongo").path("status").asString(null),
                        health.path("components").path("kafka").path("status").asString(null)))
                .filter(PartHealth::answering)
                .onErrorResume(unanswered -> Mono.empty())
                .defaultIfEmpty(PartHealth.notAnswering(part, instance.toString()));
    }

    /** A service instance's metrics; empty when it did not answer with them. */
    Mono<Optional<List<Sample>>> metrics(URI instance) {
        return client.get().uri(instance + "/actuator/prometheus").accept(PROMETHEUS_TEXT)
                .retrieve().bodyToMono(String.class)
                .timeout(TIMEOUT)
                .map(page -> Optional.of(Sample.parse(page)))
                .onErrorResume(unanswered -> Mono.just(Optional.empty()));
    }

    /**
     * Whether the identity provider gives its signing keys, without which no token is checked: what the platform
     * needs of any provider, the municipality's own included, which serves no health of Samverka's.
     */
    Mono<PartHealth> identityProvider(String part, String keys) {
        return client.get().uri(keys)
                .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().is2xxSuccessful()))
                .timeout(TIMEOUT)
                .map(given -> new PartHealth(part, keys, given ? "UP" : "DOWN", null, null))
                .onErrorResume(unanswered -> Mono.just(PartHealth.notAnswering(part, keys)));
    }

    /** This gateway's own health, as its health endpoint computes it (which blocks, so not on an event loop). */
    Mono<PartHealth> gateway(String part, String address) {
        return Mono.fromCallable(() -> new PartHealth(part, address, gatewayHealth.health().getStatus().getCode(),
                        null, null))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(TIMEOUT)
                .onErrorResume(unanswered -> Mono.just(PartHealth.notAnswering(part, address)));
    }
}
