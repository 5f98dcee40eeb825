package se.samverka.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import se.samverka.gateway.Problems;

/**
 * Limits each client to its token bucket, for routed calls and the gateway's own views alike. A client is the
 * subject of its token if it has one, else its session if it has started one, else its address: it runs after the
 * security filters so it knows who signed in. Only sessions the gateway knows count, so inventing cookie values
 * does not earn a new bucket. Health checks are not limited.
 */
@Component
@Order(10)
class RateLimitFilter implements WebFilter {

    private final TokenBuckets buckets;
    private final Set<String> exempt;
    private final Problems problems;

    RateLimitFilter(RateLimitSettings settings, GatewayInstances instances, Problems problems) {
        this.buckets = new TokenBuckets(settings, instances::share, System::nanoTime);
        this.exempt = settings.exemptSubjects().stream().map(subject -> "subject:" + subject).collect(Collectors.toSet());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return client(exchange).flatMap(client -> {
            long wait = exempt.contains(client) ? 0 : buckets.take(client);
            if (wait == 0) {
                return chain.filter(exchange);
            }
            return problems.write(exchange, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                            "Too many requests", "Slow down: try again in " + wait + " s."),
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(wait)));
        });
    }

    private static Mono<String> client(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(RateLimitFilter::signedIn)
                .map(principal -> "subject:" + principal.getName())
                .switchIfEmpty(exchange.getSession().filter(WebSession::isStarted).map(session -> "session:" + session.getId()))
                .defaultIfEmpty("address:" + address(exchange));
    }

    private static boolean signedIn(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }
}
