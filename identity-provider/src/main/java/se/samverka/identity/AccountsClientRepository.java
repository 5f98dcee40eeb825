package se.samverka.identity;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import se.samverka.identity.client.MachineClient;
import se.samverka.identity.client.MachineClientStore;
import se.samverka.identity.revocation.Revocation;
import se.samverka.identity.seed.SeedImport;

/**
 * The clients: the two built-in ones the runtime and the gateway use, then the active machine clients of the store
 * (looked up afresh each time, so a rotated secret or a deactivation counts at once; a client id the store lacks sends
 * the seed to be read again, if it changed). A built-in id wins over the store. A client's id equals its client id,
 * so a lookup by either finds it.
 */
final class AccountsClientRepository implements RegisteredClientRepository {

    static final String RUNTIME_CLIENT_ID = "samverka-runtime";

    private static final Logger log = LoggerFactory.getLogger(AccountsClientRepository.class);
    static final String PORTAL_CLIENT_ID = "samverka-portal";

    /** Where each client's {@link Identity} travels with it, for the token customizer. */
    static final String IDENTITY_SETTING = "samverka.identity";
    /** Where a machine client's last {@link Revocation} travels with it, for the token customizer. */
    static final String REVOCATION_SETTING = "samverka.revocation";

    private final MachineClientStore clients;
    private final SeedImport seed;
    private final IdentitySettings settings;
    private final RegisteredClient runtime;
    private final RegisteredClient portal;

    AccountsClientRepository(MachineClientStore clients, SeedImport seed, IdentitySettings settings) {
        this.clients = clients;
        this.seed = seed;
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
        Optional<MachineClient> client = clients.byClientId(clientId);
        if (client.isEmpty() && seed.importIfChanged()) {
            client = clients.byClientId(clientId);
        }
        return client.filter(MachineClient::isActive).map(this::machineClient).orElse(null);
    }

    /**
     * Only a secret checked in an older format than the current one comes back here, hashed anew: the store keeps it
     * (unless the client changed meanwhile: then the next token request hashes it again). The built-in clients'
     * secrets are given at every start and kept by no one.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        if (registeredClient.getClientId().equals(RUNTIME_CLIENT_ID)
                || registeredClient.getClientId().equals(PORTAL_CLIENT_ID)) {
            return;
        }
        clients.byClientId(registeredClient.getClientId()).ifPresent(client -> {
            try {
                clients.replace(client, client.withSecret(registeredClient.getClientSecret()));
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("Machine client {} changed while its secret was hashed anew", client.clientId());
            }
        });
    }

    private RegisteredClient runtimeClient() {
        return machine(RUNTIME_CLIENT_ID, plain(settings.runtimeClientSecret()),
                new Identity("Samverka runtime", List.of("ADMIN"), null), null);
    }

    private RegisteredClient machineClient(MachineClient client) {
        return machine(client.clientId(), client.secret(),
                new Identity(client.name(), List.of(client.role().name()), client.organisationId()),
                client.revocation());
    }

    private RegisteredClient machine(String clientId, String encodedSecret, Identity identity, Revocation revocation) {
        ClientSettings.Builder clientSettings = ClientSettings.builder().setting(IDENTITY_SETTING, identity);
        if (revocation != null) {
            clientSettings.setting(REVOCATION_SETTING, revocation);
        }
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(encodedSecret)
                .clientName(identity.name())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build())
                .clientSettings(clientSettings.build())
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

    /**
     * The built-in secrets come as plain text on the command line: 256 random bits the launcher makes, never stored by
     * the provider, so there is nothing a hash would protect (and hashing costs every token request of the gateway).
     */
    private static String plain(String secret) {
        return "{noop}" + secret;
    }

    static Optional<Identity> identityOf(RegisteredClient client) {
        return Optional.ofNullable(client.getClientSettings().getSetting(IDENTITY_SETTING));
    }

    static Revocation revocationOf(RegisteredClient client) {
        return client.getClientSettings().getSetting(REVOCATION_SETTING);
    }
}
