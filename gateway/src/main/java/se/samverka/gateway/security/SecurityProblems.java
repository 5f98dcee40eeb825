package se.samverka.gateway.security;

import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.Problems;

/**
 * The 401 and 403 of the security filters, and the 400 of its firewall, as problem documents, worded as the services
 * word theirs. Why a token or an address was refused is not told beyond "invalid": it would help an attacker more than
 * a client.
 */
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

    private final Problems problems;

    SecurityProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        return answer(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in",
                        tokenGiven ? "The access token is invalid or has expired." : "This needs an access token."),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
                        tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return answer(exchange, denied instanceof CsrfException
                ? Problems.problem(HttpStatus.FORBIDDEN, "csrf", "Not allowed",
                        "A change made with the session cookie needs the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value.")
                : Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this."),
                headers -> { });
    }

    /** An address that could mean another one once decoded or normalised: never passed on to a service. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return answer(exchange, Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The address holds an encoded or relative part that no resource has."), headers -> { });
    }

    /**
     * Reads the request to its end before answering. Answered at once, before anything read it, now and then the
     * next request on the same connection got no answer at all (Reactor Netty 1.3.6). A body something did read
     * already (a form the CSRF check looked into) is not there to read again.
     */
    private Mono<Void> answer(ServerWebExchange exchange, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).onErrorComplete()
                .then(problems.write(exchange, problem, headers));
    }
}
