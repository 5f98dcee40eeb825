package se.samverka.identity;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorizations (codes, access and refresh tokens) in memory, as before, and also by whom they are: a person's
 * deactivation removes every one of theirs, so no refresh token of theirs works any more. In memory because the
 * provider runs once, and a restart that forgets them costs a new login, no more.
 */
final class Authorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
    private final ConcurrentMap<String, Set<String>> idsByPrincipal = new ConcurrentHashMap<>();

    @Override
    public void save(OAuth2Authorization authorization) {
        authorizations.save(authorization);
        idsByPrincipal.computeIfAbsent(authorization.getPrincipalName(), name -> ConcurrentHashMap.newKeySet())
                .add(authorization.getId());
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
        Set<String> ids = idsByPrincipal.get(authorization.getPrincipalName());
        if (ids != null) {
            ids.remove(authorization.getId());
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return authorizations.findByToken(token, tokenType);
    }

    /** Removes every authorization of this principal (a person's username). */
    void removeAllOf(String principalName) {
        Set<String> ids = idsByPrincipal.remove(principalName);
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            OAuth2Authorization authorization = authorizations.findById(id);
            if (authorization != null) {
                authorizations.remove(authorization);
            }
        }
    }
}
