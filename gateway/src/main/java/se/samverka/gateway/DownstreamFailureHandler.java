package se.samverka.gateway;

import com.mongodb.MongoException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Instances;

/**
 * A service (or the store of sessions) that is down, too slow or gone in the middle of a request is the platform's
 * problem, not the caller's: 503, 504 or 502 with a problem document, instead of a bare 500. Everything else goes on
 * to Boot's handler.
 */
@Component
@Order(-2)
class DownstreamFailureHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DownstreamFailureHandler.class);

    private final Problems problems;

    DownstreamFailureHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        HttpStatus status = statusFor(failure);
        if (status == null || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        log.warn("{} {} failed downstream: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure.toString());
        ProblemDetail problem = switch (status) {
            case SERVICE_UNAVAILABLE -> Problems.problem(status, "service-unavailable", "Service unavailable",
                    "The service behind this address is not reachable right now. Try again in a moment.");
            case GATEWAY_TIMEOUT -> Problems.problem(status, "service-unavailable", "Service timed out",
                    "The service behind this address did not answer in time. Try again in a moment.");
            default -> Problems.problem(status, "service-broke-off", "Service broke off",
                    "The service behind this address stopped before it answered, so whether it made a change is not "
                            + "known. Read what you changed before you send it again.");
        };
        problem.setInstance(exchange.getRequest().getURI());
        return problems.write(exchange, problem);
    }

    static HttpStatus statusFor(Throwable failure) {
        if (Instances.refusedConnection(failure)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The store of sessions (ADR 0024) is as much a part the gateway needs as a service is.
            if (cause instanceof MongoException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (cause instanceof TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            // The service's connection closed or was reset before its answer: killed, or restarted, while it worked.
            if (cause instanceof IOException) {
                return HttpStatus.BAD_GATEWAY;
            }
        }
        return null;
    }
}
