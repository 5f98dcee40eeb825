package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverka.platform.test.TestTokens;

/**
 * The identity provider's revocations, asked for every 200 ms here: a token of a subject revoked after it was issued
 * is refused from the next poll on, and stays refused while the provider does not answer.
 */
class RevocationTest extends GatewayTest {

    private static final String REVOCATIONS = "/api/accounts/revocations";

    @Test
    void aRevokedSubjectsTokenIsRefusedAsAnInvalidOneFromTheNextPollOn() throws Exception {
        String subject = "anna-" + UUID.randomUUID() + "@example.org";
        String token = TestTokens.token().subject(subject).role("STAFF").organisation("o1").build();
        String another = TestTokens.staff("o1");
        me(token).expectStatus().isOk();

        String now = Instant.now().toString();
        IDENTITY.answer(REVOCATIONS, 200, """
                {"now":"%s","revocations":[{"subjectHash":"%s","at":"%s"}]}""".formatted(now, sha256(subject), now));

        await("the next poll").atMost(Duration.ofSeconds(10)).untilAsserted(() -> me(token).expectStatus()
                .isUnauthorized());
        me(token).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        me(another).expectStatus().isOk();
        await("asked since the provider's own time of its answer").atMost(Duration.ofSeconds(10))
                .until(() -> IDENTITY.received().stream().anyMatch(request -> URLDecoder.decode(request.uri(),
                        StandardCharsets.UTF_8).equals(REVOCATIONS + "?since=" + now)));
        assertThat(IDENTITY.received()).filteredOn(request -> request.uri().startsWith(REVOCATIONS))
                .allSatisfy(request -> assertThat(request.authorization()).as("asked as anyone").isNull());

        IDENTITY.answer(REVOCATIONS, 503, "{\"status\":503}");
        int asked = IDENTITY.received().size();
        await("a poll the provider fails").atMost(Duration.ofSeconds(10))
                .until(() -> IDENTITY.received().stream().skip(asked)
                        .anyMatch(request -> request.uri().startsWith(REVOCATIONS)));
        me(token).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }

    private static String sha256(String subject) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(subject.getBytes(StandardCharsets.UTF_8)));
    }
}
