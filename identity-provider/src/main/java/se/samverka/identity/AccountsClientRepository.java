package se.samverka.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients: the two built-in ones the runtime and the gateway use, then the machine clients of the accounts
 * file (looked up afresh each time, so a rewritten file counts at once). A built-in id wins over the file.
 * A client's id equals its client id, so a lookup by either finds it after a reload too.
 */
final class AccountsClientRepository implements RegisteredClientRepository {

    static final String RUNTIME_CLIENT_ID = "samverka-runtime";
    static final String PORTAL_CLIENT_ID = "samverka-portal";

    /** Where each client's {@link Identity} travels with it, for the token customizer. */
    static final String IDENTITY_SETTING = "samverka.identity";

    private final AccountsFile accounts;
    private final IdentitySettings settings;
    private final RegisteredClient runtime;
    private final RegisteredClient portal;

    AccountsClientRepository(AccountsFile accounts, IdentitySettings settings) {
        this.accounts = accounts;
        this.settings = settings;
        this.runtime = settings.runtimeClientEnabled() ? runtimeClient() : null;
        this.portal = settings.portalClientEnabled() ? portalClient() : null;
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (runtime != null && runtime.getClientId().equals(clientId)) {
            return runtime;
        }
        if (portal != null && portal.getClientId().equals(clientId)) {
            return portal;
        }
        return accounts.client(clientId).map(this::machineClient).orElse(null);
    }

    /** Clients come from settings and the accounts file only; dynamic client registration is not enabled. */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are configured in the accounts file, not registered");
    }

    private RegisteredClient runtimeClient() {
        return machine(RUNTIME_CLIENT_ID, plain(settings.runtimeClientSecret()),
                new Identity("Samverka runtime", List.of("ADMIN"), null));
    }

    private RegisteredClient machineClient(AccountsFile.Client client) {
        return machine(client.clientId(), client.secret(), client.identity());
    }

    private RegisteredClient machine(String clientId, String encodedSecret, Identity identity) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(encodedSecret)
                .clientName(identity.name())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build())
                .clientSettings(ClientSettings.builder().setting(IDENTITY_SETTING, identity).build())
                .build();
    }

    private RegisteredClient portalClient() {
        return RegisteredClient.withId(PORTAL_CLIENT_ID)
                .clientId(PORTAL_CLIENT_ID)
                .clientSecret(plain(settings.portalClientSecret()))
                .clientName("Samverka portal")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(settings.portalRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(settings.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        .build())
                // A confidential client on the gateway: PKCE is welcome but not demanded, and first-party, no consent.
                .clientSettings(ClientSettings.builder().requireProofKey(false).requireAuthorizationConsent(false).build())
                .build();
    }

    /** The built-in secrets come as plain text on the command line. */
    private static String plain(String secret) {
        return "{noop}" + secret;
    }

    static Optional<Identity> identityOf(RegisteredClient client) {
        return Optional.ofNullable(client.getClientSettings().getSetting(IDENTITY_SETTING));
    }
}
