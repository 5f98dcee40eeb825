package se.samverka.gateway.views;

import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Calls one service for a view, as the caller: with the caller's Authorization header, so each service decides what
 * this caller may see. Each service has its own circuit breaker, whose time limiter bounds every call; a call that
 * fails, times out or finds the breaker open becomes a failed {@link Answer}, never an error.
 */
@Component
class Downstream {

    enum Service {
        PARTNERSHIP, PROJECT, REPORTING;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Downstream.class);

    private final Map<Service, WebClient> clients = new EnumMap<>(Service.class);
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    Downstream(WebClient.Builder builder, ServiceAddresses addresses, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        clients.put(Service.PARTNERSHIP, builder.clone().baseUrl(addresses.partnership()).build());
        clients.put(Service.PROJECT, builder.clone().baseUrl(addresses.project()).build());
        clients.put(Service.REPORTING, builder.clone().baseUrl(addresses.reporting()).build());
        this.breakers = breakers;
    }

    Mono<Answer> get(String leg, Service service, Caller caller, Function<UriBuilder, URI> uri) {
        Mono<Answer> call = clients.get(service).get().uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (caller.authorization() != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, caller.authorization());
                    }
                })
                .exchangeToMono(response -> answer(leg, response));
        return breakers.create(service.id()).run(call, failure -> {
            log.warn("{} for a view failed at {}: {}", leg, service.id(), failure.toString());
            return Mono.just(new Answer(leg, Answer.Outcome.FAILED, null, null));
        });
    }

    private static Mono<Answer> answer(String leg, ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.is2xxSuccessful()) {
            return response.bodyToMono(JsonNode.class)
                    .defaultIfEmpty(NullNode.getInstance())
                    .map(body -> new Answer(leg, Answer.Outcome.FOUND, status, body));
        }
        if (status.is4xxClientError()) {
            Answer.Outcome outcome = status.value() == 404 ? Answer.Outcome.MISSING : Answer.Outcome.REFUSED;
            // The body only matters when it is a problem document to pass on.
            return response.bodyToMono(JsonNode.class)
                    .onErrorResume(unreadable -> Mono.empty())
                    .map(body -> new Answer(leg, outcome, status, body))
                    .defaultIfEmpty(new Answer(leg, outcome, status, null));
        }
        // An error, so that the breaker counts it.
        return response.releaseBody().then(Mono.error(new IllegalStateException("answered " + status.value())));
    }
}
