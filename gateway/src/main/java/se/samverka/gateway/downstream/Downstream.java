package se.samverka.gateway.downstream;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import se.samverka.gateway.identity.Caller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The gateway's one way to call a service, for its views and its pages alike: as the caller, with the caller's
 * Authorization header, so that each service decides what this caller may see and do. Each service has its own circuit
 * breaker, which counts the calls it failed (5xx) or did not answer in time; whatever the service answers comes back
 * as an {@link Answer}, its refusals and its failures included.
 *
 * <p>What differs is what a call that gets no answer becomes: for a page ({@link #call}) an error, which the page
 * shows as not available right now; for a leg of a view ({@link #leg}) {@link Answer#NONE}, since a view does without
 * a leg it cannot read.
 */
@Component
public class Downstream {

    private static final Logger log = LoggerFactory.getLogger(Downstream.class);

    private final WebClient client;
    private final Instances instances;
    private final Map<Service, ReactiveCircuitBreaker> breakers = new EnumMap<>(Service.class);
    private final DownstreamSettings settings;

    Downstream(WebClient.Builder builder, Instances instances, ReactiveCircuitBreakerFactory<?, ?> breakers,
               DownstreamSettings settings) {
        this.client = builder.build();
        this.instances = instances;
        for (Service service : Service.values()) {
            this.breakers.put(service, breakers.create(service.id()));
        }
        this.settings = settings;
    }

    /**
     * A call a page makes for its reader, in the reader's language ({@link #readersLanguage}) so that what a service
     * refuses reads in the language of the page that shows it.
     *
     * @return the service's answer; an error when it gave none within {@code timeout}, or its breaker is open
     */
    public Mono<Answer> call(Service service, Caller caller, Request request) {
        return Mono.deferContextual(context -> guarded(service, request,
                exchange(service, caller, request, readersLanguage(context)), Mono::error));
    }

    /**
     * A leg of a composed view. It asks in no language: the views answer the API, whose callers read the services'
     * problem documents in English unless they ask otherwise (ADR 0009).
     *
     * @return the service's answer; {@link Answer#NONE} when it gave none within {@code leg-timeout}, never an error
     */
    public Mono<Answer> leg(Service service, Caller caller, Request request) {
        return guarded(service, request,
                exchange(service, caller, request, Optional.empty()).timeout(settings.legTimeout()),
                unanswered -> Mono.just(Answer.NONE));
    }

    private Mono<Answer> guarded(Service service, Request request, Mono<Answer> call,
                                 Function<Throwable, Mono<Answer>> unanswered) {
        return breakers.get(service).run(call, failure -> {
            log.warn("{} {} at {} failed: {}", request.method(), request.uri(), service.id(), failure.toString());
            return failure instanceof Failed failed ? Mono.just(failed.answer) : unanswered.apply(failure);
        });
    }

    private Mono<Answer> exchange(Service service, Caller caller, Request request, Optional<Locale> language) {
        return instances.call(service, instance -> exchange(instance, caller, request, language));
    }

    private Mono<Answer> exchange(URI instance, Caller caller, Request request, Optional<Locale> language) {
        WebClient.RequestBodySpec spec = client.method(request.method())
                .uri(instance + request.uri(), request.variables().toArray())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    if (caller.authorization() != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, caller.authorization());
                    }
                    if (request.ifMatch() != null) {
                        headers.setIfMatch(request.ifMatch());
                    }
                    language.ifPresent(chosen -> headers.setAcceptLanguageAsLocales(List.of(chosen)));
                });
        WebClient.RequestHeadersSpec<?> ready = request.body() == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
        return ready.exchangeToMono(Downstream::answer);
    }

    private static Mono<Answer> answer(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        String etag = response.headers().asHttpHeaders().getETag();
        Mono<JsonNode> body = response.bodyToMono(JsonNode.class);
        if (!status.is2xxSuccessful()) {
            // Only a problem document is worth reading of a refusal or a failure; anything else is no body.
            body = body.onErrorResume(unreadable -> Mono.empty());
        }
        return body.defaultIfEmpty(NullNode.getInstance()).flatMap(json -> {
            Answer answer = new Answer(status, json, etag);
            // An error inside the breaker, so that it counts; the answer itself comes back out of it.
            return answer.failed() ? Mono.error(new Failed(answer)) : Mono.just(answer);
        });
    }

    /**
     * The language of the page whose request this call serves ({@code PortalLocale}), from the exchange that
     * {@link ReadersLanguage} puts into the request's Reactor context. The services answer English otherwise.
     */
    private static Optional<Locale> readersLanguage(ContextView context) {
        return ServerWebExchangeContextFilter.getExchange(context)
                .map(exchange -> exchange.getLocaleContext().getLocale());
    }

    /** A service's own failure, carried through its breaker as an error. */
    private static final class Failed extends RuntimeException {

        private final transient Answer answer;

        Failed(Answer answer) {
            super("answered " + answer.status().value(), null, false, false);
            this.answer = answer;
        }
    }

    /** Puts each request's exchange into the Reactor context, where its calls find the reader's language. */
    @Configuration(proxyBeanMethods = false)
    static class ReadersLanguage {

        @Bean
        ServerWebExchangeContextFilter serverWebExchangeContextFilter() {
            return new ServerWebExchangeContextFilter();
        }
    }
}
