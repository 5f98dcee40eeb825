package se.samverka.gateway.portal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.views.ServiceAddresses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The portal's calls to the services as the reader, with the reader's token and language: changes a form sends, the
 * lists a form chooses from, and the reports. The service decides and validates; the page shows its answer.
 */
@Component
class ServiceCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The largest page the services give. */
    private static final int PAGE = 200;

    /** What a service answered: its status, its body (a resource or a problem document) and the version's ETag. */
    record Reply(int status, JsonNode body, String etag) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final WebClient projects;
    private final WebClient partnerships;
    private final WebClient reports;
    private final WebClient subscriptions;

    ServiceCalls(WebClient.Builder builder, ServiceAddresses addresses) {
        this.projects = builder.clone().baseUrl(addresses.project()).build();
        this.partnerships = builder.clone().baseUrl(addresses.partnership()).build();
        this.reports = builder.clone().baseUrl(addresses.reporting()).build();
        this.subscriptions = builder.clone().baseUrl(addresses.subscription()).build();
    }

    Mono<Reply> project(Caller caller, HttpMethod method, String path, String ifMatch, Object body) {
        return call(projects, caller, method, path, ifMatch, body);
    }

    Mono<Reply> partnership(Caller caller, String path) {
        return partnership(caller, HttpMethod.GET, path);
    }

    Mono<Reply> partnership(Caller caller, HttpMethod method, String path) {
        return call(partnerships, caller, method, path, null, null);
    }

    Mono<Reply> partnership(Caller caller, HttpMethod method, String path, String ifMatch, Object body) {
        return call(partnerships, caller, method, path, ifMatch, body);
    }

    /**
     * Every organisation of the directory that the query asks for, page after page, by name: to choose from in a
     * form, where the first page alone would hide whatever sorts past it. Pages the service refuses end the list.
     */
    Mono<List<JsonNode>> organisations(Caller caller, String filter) {
        String path = "/api/organisations?" + (filter.isEmpty() ? "" : filter + "&") + "size=" + PAGE + "&sort=name";
        return partnership(caller, path).expand(reply -> {
                    int next = reply.body().path("page").asInt() + 1;
                    return reply.ok() && next < reply.body().path("totalPages").asInt()
                            ? partnership(caller, path + "&page=" + next) : Mono.empty();
                })
                .filter(Reply::ok)
                .flatMapIterable(reply -> reply.body().path("items"))
                .collectList();
    }

    Mono<Reply> subscription(Caller caller, HttpMethod method, String path, String ifMatch, Object body) {
        return call(subscriptions, caller, method, path, ifMatch, body);
    }

    Mono<Reply> report(Caller caller, String path) {
        return call(reports, caller, HttpMethod.GET, path, null, null);
    }

    private static Mono<Reply> call(WebClient client, Caller caller, HttpMethod method, String path, String ifMatch,
                                    Object body) {
        return Mono.deferContextual(context -> {
            WebClient.RequestBodySpec request = client.method(method).uri(path)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(headers -> {
                        if (caller.authorization() != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, caller.authorization());
                        }
                        if (ifMatch != null) {
                            headers.setIfMatch(ifMatch);
                        }
                        readersLanguage(context)
                                .ifPresent(language -> headers.setAcceptLanguageAsLocales(List.of(language)));
                    });
            WebClient.RequestHeadersSpec<?> ready = body == null ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            return ready.exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                    .defaultIfEmpty(NullNode.getInstance())
                    .map(json -> new Reply(response.statusCode().value(), json,
                            response.headers().asHttpHeaders().getETag())));
        }).timeout(TIMEOUT);
    }

    /**
     * The portal's language for the reader whose request this call serves ({@link PortalLocale}), so that what a
     * service refuses reads in the language of the page that shows it. The services answer English otherwise.
     */
    private static Optional<Locale> readersLanguage(ContextView context) {
        return ServerWebExchangeContextFilter.getExchange(context)
                .map(exchange -> exchange.getLocaleContext().getLocale());
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
