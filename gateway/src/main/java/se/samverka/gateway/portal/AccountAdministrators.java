package se.samverka.gateway.portal;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.platform.tokens.Role;

/**
 * Who administers accounts in the portal: the coordinator (ADMIN), and the lead of an organisation, a STAFF account
 * the identity provider marks {@code lead}. Tokens do not say who leads, so the provider is asked
 * ({@code GET /api/accounts/me}) for STAFF only, and a provider that does not answer in a view's time leaves the
 * portal offering them nothing. This decides what the portal offers; the provider decides each read and change.
 */
@Component
public class AccountAdministrators {

    private final Downstream downstream;

    AccountAdministrators(Downstream downstream) {
        this.downstream = downstream;
    }

    public Mono<Boolean> includes(Caller caller) {
        if (caller.role() == Role.ADMIN) {
            return Mono.just(true);
        }
        if (caller.role() != Role.STAFF || caller.organisationId() == null) {
            return Mono.just(false);
        }
        return downstream.leg(Service.IDENTITY, caller, Request.get("/api/accounts/me"))
                .map(answer -> answer.ok() && answer.body().path("lead").asBoolean(false));
    }
}
