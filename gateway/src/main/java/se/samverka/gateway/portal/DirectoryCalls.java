package se.samverka.gateway.portal;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.ServiceCalls.Reply;
import se.samverka.gateway.views.ServiceAddresses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The organisation directory's changes as the reader sends them to partnership-service: a body, the version the form
 * was opened at (If-Match), the reader's token and language. {@link ServiceCalls} sends partnership-service no body;
 * this is apart from it only because that class was being changed elsewhere at the same time, and belongs in it as
 * {@code partnership(caller, method, path, ifMatch, body)}.
 */
@Component
class DirectoryCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient partnerships;

    DirectoryCalls(WebClient.Builder builder, ServiceAddresses addresses) {
        this.partnerships = builder.clone().baseUrl(addresses.partnership()).build();
    }

    /** @param body null for none, as a DELETE has */
    Mono<Reply> send(Caller caller, HttpMethod method, String path, String ifMatch, Object body) {
        return Mono.deferContextual(context -> {
            WebClient.RequestBodySpec request = partnerships.method(method).uri(path)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(headers -> {
                        if (caller.authorization() != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, caller.authorization());
                        }
                        if (ifMatch != null) {
                            headers.setIfMatch(ifMatch);
                        }
                        // The reader's language, so that what the service refuses reads in the page's language.
                        ServerWebExchangeContextFilter.getExchange(context).ifPresent(exchange -> headers
                                .setAcceptLanguageAsLocales(List.of(exchange.getLocaleContext().getLocale())));
                    });
            WebClient.RequestHeadersSpec<?> ready = body == null ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            return ready.exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                    .defaultIfEmpty(NullNode.getInstance())
                    .map(json -> new Reply(response.statusCode().value(), json,
                            response.headers().asHttpHeaders().getETag())));
        }).timeout(TIMEOUT);
    }
}
