package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/** Machine clients get signed JWTs with the Samverka claims; bad credentials get standard OAuth2 errors. */
class TokenEndpointIT extends IdentityProviderTestSupport {

    @Test
    void theRuntimeClientGetsAnAdminTokenWithoutOrganisation() {
        Jwt token = decode(accessToken("samverka-runtime", RUNTIME_SECRET));

        assertThat(token.getIssuer()).hasToString(ISSUER);
        assertThat(token.getAudience()).containsExactly("samverka");
        assertThat(token.getSubject()).isEqualTo("samverka-runtime");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("ADMIN");
        assertThat(token.hasClaim("org")).isFalse();
        assertThat(token.getClaimAsString("name")).isEqualTo("Samverka runtime");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(7));
        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void aClientOfTheStoreGetsItsRolesOrganisationAndName() {
        // client_secret_post this time: the services' clients may use either method.
        HttpResponse<String> response = token(null, null, fields("grant_type", "client_credentials",
                "client_id", "partner-system", "client_secret", "partner-secret"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(415L, 420L);

        Jwt token = decode(body.get("access_token").asString());
        assertThat(token.getIssuer()).hasToString(ISSUER);
        assertThat(token.getAudience()).contains("samverka");
        assertThat(token.getSubject()).isEqualTo("partner-system");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("PARTNER");
        assertThat(token.getClaimAsString("org")).isEqualTo("org-region-jh");
        assertThat(token.getClaimAsString("name")).isEqualTo("Region Jämtland Härjedalen (system)");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void aWrongSecretIsAnInvalidClient() {
        HttpResponse<String> response = clientCredentials("partner-system", "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void anUnknownClientIsAnInvalidClient() {
        HttpResponse<String> response = clientCredentials("nobody", "anything");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    /**
     * A client the seed gains while the provider runs is taken in at its first token request; from then on the store
     * is the truth: the seed changed or broken later changes nothing of it.
     */
    @Test
    void eachClientOfTheSeedIsTakenIntoTheStoreOnce() throws IOException {
        assertThat(clientCredentials("late-system", "late-secret").statusCode()).isEqualTo(401);

        writeAccounts("""
                ,{"clientId":"late-system","secret":"{noop}late-secret","name":"Late AB","roles":["COMPANY"],
                  "org":"org-late"}""");
        Jwt late = decode(accessToken("late-system", "late-secret"));
        assertThat(late.getClaimAsStringList("roles")).containsExactly("COMPANY");
        assertThat(late.getClaimAsString("org")).isEqualTo("org-late");

        writeAccounts("""
                ,{"clientId":"late-system","secret":"{noop}other-secret","name":"Late AB","roles":["COMPANY"],
                  "org":"org-moved"}""");
        assertThat(clientCredentials("nobody-yet", "x").statusCode()).as("a miss reads the changed seed").isEqualTo(401);
        assertThat(decode(accessToken("late-system", "late-secret")).getClaimAsString("org")).isEqualTo("org-late");
        assertThat(clientCredentials("late-system", "other-secret").statusCode()).isEqualTo(401);

        // Half-written or broken: ignored, and the store answers as before.
        Files.writeString(ACCOUNTS_FILE, "{\"clients\": [");
        assertThat(clientCredentials("nobody-yet", "x").statusCode()).isEqualTo(401);
        assertThat(decode(accessToken("late-system", "late-secret")).getClaimAsString("org")).isEqualTo("org-late");

        writeAccounts("");
        assertThat(clientCredentials("late-system", "late-secret").statusCode())
                .as("removed from the seed, the client stays in the store").isEqualTo(200);
        assertThat(clientCredentials("partner-system", "partner-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void theDiscoveryDocumentNamesTheConfiguredIssuerAndItsEndpoints() {
        HttpResponse<String> response = get("/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);

        JsonNode discovery = json(response.body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.get("id_token_signing_alg_values_supported").values().stream().map(JsonNode::asString))
                .contains("RS256");
    }

    @Test
    void healthIsOpenAndUp() {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theKeySetPublishesOnlyThePublicKey() {
        JsonNode keys = json(get("/oauth2/jwks").body()).get("keys");

        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.get(0);
        assertThat(Map.of("kty", key.get("kty").asString(), "use", key.get("use").asString()))
                .isEqualTo(Map.of("kty", "RSA", "use", "sig"));
        assertThat(key.has("kid")).isTrue();
        assertThat(List.of("d", "p", "q", "dp", "dq", "qi")).noneMatch(key::has);
    }
}
