package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.samverka.platform.test.Api;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.StartupException;
import tools.jackson.databind.JsonNode;

/** The gateway's views on the whole platform: composed from every service, and still served with one of them down. */
class ViewsIT {

    @Test
    void aProjectViewWithReportingStoppedIsDegradedNotFailed() throws StartupException {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        String id = null;
        for (JsonNode project : gateway.get("/api/projects?q=Vinterstaden&size=100").body().path("items")) {
            if (project.path("title").asString().equals("Vinterstaden Östersund–Trondheim")) {
                id = project.path("id").asString();
            }
        }
        assertThat(id).as("the demo data's project with Trondheim").isNotNull();
        String view = "/api/views/projects/" + id;

        JsonNode whole = await("the reports know the project").atMost(Duration.ofSeconds(30))
                .until(() -> gateway.get(view).body(), body -> !body.path("figures").isNull());
        assertThat(whole.path("degraded")).isEmpty();
        assertThat(whole.path("project").path("id").asString()).isEqualTo(id);
        assertThat(whole.path("partnerOrganisations")).isNotEmpty();
        assertThat(whole.path("partnerships")).isNotEmpty();

        platform.kill("reporting-service");
        try {
            JsonNode degraded = RunningPlatform.gateway().get(view).body();
            assertThat(degraded.path("degraded").toString()).isEqualTo("[\"reporting\"]");
            assertThat(degraded.path("figures").isNull()).isTrue();
            assertThat(degraded.path("project").path("id").asString()).isEqualTo(id);
            assertThat(degraded.path("partnerOrganisations")).hasSameSizeAs(whole.path("partnerOrganisations"));
        } finally {
            platform.restart("reporting-service");
        }
    }
}
