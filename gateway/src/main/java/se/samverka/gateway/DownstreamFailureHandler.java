package se.samverka.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that is down or too slow is the platform's problem, not the caller's: 503 or 504 with a problem
 * document, instead of a bare 500. Everything else goes on to Boot's handler.
 */
@Component
@Order(-2)
class DownstreamFailureHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailureHandler.class);

    private final JsonMapper json;

    DownstreamFailureHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        HttpStatus status = statusFor(failure);
        if (status == null || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        log.warn("{} {} failed downstream: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status == HttpStatus.SERVICE_UNAVAILABLE
                ? "The service behind this address is not reachable right now. Try again in a moment."
                : "The service behind this address did not answer in time. Try again in a moment.");
        problem.setType(URI.create("https://samverka.se/problems/service-unavailable"));
        problem.setTitle(status == HttpStatus.SERVICE_UNAVAILABLE ? "Service unavailable" : "Service timed out");
        problem.setInstance(exchange.getRequest().getURI());
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }

    private static HttpStatus statusFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (cause instanceof TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        }
        return null;
    }
}
