package se.samverka.identity;

import java.util.List;

/**
 * Who a token speaks for, beyond its subject: the claims the services authorise on.
 *
 * @param name  display name ({@code name} claim)
 * @param roles the Samverka roles ({@code roles} claim), e.g. {@code ["STAFF"]}
 * @param org   the organisation id ({@code org} claim), or null for none
 */
public record Identity(String name, List<String> roles, String org) {

    public Identity {
        roles = List.copyOf(roles);
    }
}
