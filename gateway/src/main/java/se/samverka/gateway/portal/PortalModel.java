package se.samverka.gateway.portal;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.identity.Me;
import se.samverka.platform.tokens.SecuritySettings;

/**
 * What every page of the portal shows besides its own content: who is signed in (the header's name, their account at
 * the identity provider and logout, and the accounts' pages for those who administer them), and the CSRF token its
 * forms carry, since a signed-in browser's changes come with the session cookie. Every page: the controllers of this
 * package and of the features' packages below it.
 */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    private final Callers callers;
    private final AccountAdministrators administrators;
    private final SecuritySettings security;

    PortalModel(Callers callers, AccountAdministrators administrators, SecuritySettings security) {
        this.callers = callers;
        this.administrators = administrators;
        this.security = security;
    }

    @ModelAttribute("me")
    Mono<Me> me(ServerWebExchange exchange) {
        return callers.current(exchange).map(Me::of);
    }

    @ModelAttribute("administersAccounts")
    Mono<Boolean> administersAccounts(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(administrators::includes);
    }

    /** Where a person changes their password (and the coordinator sets up a second factor): the provider's page. */
    @ModelAttribute("accountPage")
    String accountPage() {
        return security.issuer() + "/account";
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
