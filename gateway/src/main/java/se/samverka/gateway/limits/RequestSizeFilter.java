package se.samverka.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverka.gateway.Problems;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while streaming when the
 * body comes without one (chunked), by counting what passes and failing the request when it goes over.
 */
@Component
@Order(20)
class RequestSizeFilter implements WebFilter {

    private final long max;
    private final Problems problems;

    RequestSizeFilter(RequestSizeSettings settings, Problems problems) {
        this.max = settings.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max) {
            return tooLarge(exchange);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerWebExchange counted = exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        sink.error(new TooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        }).build();
        return chain.filter(counted).onErrorResume(RequestSizeFilter::causedByTooLarge,
                failure -> exchange.getResponse().isCommitted() ? Mono.error(failure) : tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "Request too large", "A request body may have at most " + max + " bytes."));
    }

    private static boolean causedByTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** Thrown into the body stream; without a stack trace, as it is an answer and not a fault. */
    private static final class TooLarge extends RuntimeException {

        private TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
