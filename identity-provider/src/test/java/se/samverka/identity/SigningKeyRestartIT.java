package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/** Tokens survive a restart: a second provider on the same key file publishes the same key. */
class SigningKeyRestartIT extends IdentityProviderTestSupport {

    @Autowired
    Environment environment;

    @Test
    void aRestartedProviderServesTheSameKeyAndAcceptsEarlierTokens() throws IOException {
        String token = accessToken("samverka-runtime", RUNTIME_SECRET);
        JsonNode firstKey = json(get("/oauth2/jwks").body()).get("keys").get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_FILE))).isEqualTo("rw-------");
        String keyFile = Files.readString(KEY_FILE);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityProviderApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--samverka.identity.issuer=" + ISSUER,
                        "--samverka.identity.key-file=" + KEY_FILE,
                        "--samverka.identity.accounts-file=" + ACCOUNTS_FILE,
                        "--spring.mongodb.uri=" + environment.getRequiredProperty("spring.mongodb.uri"),
                        "--samverka.identity.runtime-client-secret=" + RUNTIME_SECRET)) {
            int restartedPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            assertThat(restartedPort).isNotEqualTo(port);

            Jwt verified = decoder(restartedPort).decode(token);
            assertThat(verified.getSubject()).isEqualTo("samverka-runtime");

            JsonNode secondKey = json(send(browser(), HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + restartedPort + "/oauth2/jwks")).build()).body())
                    .get("keys").get(0);
            assertThat(secondKey.get("kid").asString()).isEqualTo(firstKey.get("kid").asString());
            assertThat(secondKey.get("n").asString()).isEqualTo(firstKey.get("n").asString());
        }
        assertThat(Files.readString(KEY_FILE)).as("the key file is read, never rewritten").isEqualTo(keyFile);
    }
}
