package se.samverka.gateway.security;

import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security makes the CSRF token only when something asks for it; asking on every cookie request sets the
 * {@code XSRF-TOKEN} cookie the portal's scripts copy into the {@code X-XSRF-TOKEN} header.
 */
@Component
@Order(0)
class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null || SecurityConfiguration.bearer(exchange)) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    }
}
