package se.samverka.gateway.portal;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.identity.Me;

/**
 * What every page of the portal shows besides its own content: who is signed in (the header's name and logout), and
 * the CSRF token its forms carry, since a signed-in browser's changes come with the session cookie. Every page: the
 * controllers of this package and of the features' packages below it.
 */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    private final Callers callers;

    PortalModel(Callers callers) {
        this.callers = callers;
    }

    @ModelAttribute("me")
    Mono<Me> me(ServerWebExchange exchange) {
        return callers.current(exchange).map(Me::of);
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
