package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import se.samverka.identity.client.MachineClient;
import se.samverka.identity.client.MachineClientStore;
import se.samverka.identity.revocation.Revocation;
import tools.jackson.databind.JsonNode;

/** The coordinator's machine clients: created, given a new secret, deactivated; a secret is shown once. */
class MachineClientsIT extends IdentityProviderTestSupport {

    @Autowired
    MachineClientStore store;

    @Test
    void aClientIsCreatedWithASecretShownOnceAndGetsTokensForItsRoleAndOrganisation() {
        HttpResponse<String> created = api("POST", "/api/machine-clients", admin(), """
                {"name":"Mittuniversitetets system","organisationId":"org-miun","role":"PARTNER"}""");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created.body());
        JsonNode client = body.get("client");
        String clientId = client.get("clientId").asString();
        String secret = body.get("secret").asString();
        assertThat(clientId).matches("mittuniversitetets-system-[0-9a-f]{6}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/machine-clients/" + clientId);
        assertThat(client.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(client.get("rotatedAt").isNull()).isTrue();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        Jwt token = decode(accessToken(clientId, secret));
        assertThat(token.getSubject()).isEqualTo(clientId);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("PARTNER");
        assertThat(token.getClaimAsString("org")).isEqualTo("org-miun");
        assertThat(token.getClaimAsString("name")).isEqualTo("Mittuniversitetets system");

        MachineClient stored = store.byClientId(clientId).orElseThrow();
        assertThat(stored.secret()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain(secret);
        String list = api("GET", "/api/machine-clients", admin(), null).body();
        assertThat(list).contains(clientId).doesNotContain(secret).doesNotContain("argon2");
    }

    @Test
    void aNewSecretStopsTheOldOneAtOnceAndRevokesTheTokensIssuedUnderIt() {
        JsonNode created = json(api("POST", "/api/machine-clients", admin(), """
                {"name":"Skript","role":"ADMIN"}""").body());
        String clientId = created.get("client").get("clientId").asString();
        String oldSecret = created.get("secret").asString();
        String oldToken = accessToken(clientId, oldSecret);
        assertThat(api("GET", "/api/machine-clients", oldToken, null).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = api("POST", "/api/machine-clients/" + clientId + "/secret", admin(), null);

        assertThat(rotated.statusCode()).isEqualTo(201);
        String newSecret = json(rotated.body()).get("secret").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(json(rotated.body()).get("client").get("rotatedAt").isNull()).isFalse();
        HttpResponse<String> refused = clientCredentials(clientId, oldSecret);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused.body()).get("error").asString()).isEqualTo("invalid_client");
        assertThat(api("GET", "/api/machine-clients", oldToken, null).statusCode()).isEqualTo(401);
        String newToken = accessToken(clientId, newSecret);
        assertThat(api("GET", "/api/machine-clients", newToken, null).statusCode())
                .as("a token issued after the rotation, even within its second").isEqualTo(200);
        JsonNode revocation = json(api("GET", "/api/accounts/revocations", null, null).body()).get("revocations")
                .valueStream().filter(entry -> entry.get("subjectHash").asString().equals(Revocation.hash(clientId)))
                .findFirst().orElseThrow();
        assertThat(decode(newToken).getIssuedAt()).isAfter(Instant.parse(revocation.get("at").asString()));

        HttpResponse<String> deactivated = api("POST", "/api/machine-clients/" + clientId + "/deactivation", admin(),
                null);
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(json(deactivated.body()).get("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(clientCredentials(clientId, newSecret).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/machine-clients", newToken, null).statusCode()).isEqualTo(401);
        assertThat(api("POST", "/api/machine-clients/" + clientId + "/secret", admin(), null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void badFieldsAreNamed() {
        assertThat(AccountsApiIT.fields(json(api("POST", "/api/machine-clients", admin(), """
                {"name":"","role":"STAFF","organisationId":"o"}""").body()))).containsExactly("name");
        assertThat(AccountsApiIT.fields(json(api("POST", "/api/machine-clients", admin(), """
                {"name":"System","role":"STAFF"}""").body()))).containsExactly("organisationId");
        assertThat(AccountsApiIT.fields(json(api("POST", "/api/machine-clients", admin(), """
                {"name":"System","role":"GOD","organisationId":"o"}""").body()))).containsExactly("role");
        assertThat(api("POST", "/api/machine-clients/nobody/secret", admin(), null).statusCode()).isEqualTo(404);
        assertThat(List.of(api("GET", "/api/machine-clients", accessToken("partner-system", "partner-secret"), null)
                .statusCode())).containsExactly(403);
    }

    private String admin() {
        return personToken("admin", "demo-admin");
    }
}
