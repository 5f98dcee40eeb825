package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Anyone may ask whether the provider is up; its metrics answer the coordinator's role only, as the gateway's do. */
class OperatorEndpointsIT extends IdentityProviderTestSupport {

    @Test
    void theMetricsAnswerAnAdminTokenOnly() {
        assertThat(metrics(null).statusCode()).isEqualTo(401);
        assertThat(metrics("not-a-token").statusCode()).isEqualTo(401);
        assertThat(metrics(accessToken("partner-system", "partner-secret")).statusCode()).isEqualTo(403);

        HttpResponse<String> asAdmin = metrics(accessToken("samverka-runtime", RUNTIME_SECRET));

        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    @Test
    void healthStaysOpen() {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).doesNotContain("components");
    }

    private HttpResponse<String> metrics(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/actuator/prometheus"))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(browser(), request.build());
    }
}
