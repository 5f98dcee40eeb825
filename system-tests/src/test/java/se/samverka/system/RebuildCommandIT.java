package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.platform.test.Api;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.ReadModelRebuild;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./samverka rebuild} against the running platform: every service's read models rebuilt one after another; the
 * reports come back the same, from a new generation.
 */
class RebuildCommandIT {

    @Test
    void rebuildingEveryServicesReadModelsKeepsTheReportsAndShowsThePace() throws Exception {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        JsonNode before = await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/reports/portfolio").body(),
                portfolio -> portfolio.path("freshness").path("lagEvents").asLong(-1) == 0
                        && portfolio.path("projects").path("total").asLong() >= 20);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new ReadModelRebuild(platform.settings(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("partnership-service: rebuilt", "project-service: rebuilt",
                "reporting-service: rebuilt", "subscription-service: rebuilt", "events/s");
        for (String part : List.of("partnership", "project", "reporting", "subscription")) {
            JsonNode newest = gateway.get("/api/operations/{part}/rebuilds", part).body().path(0);
            assertThat(newest.path("state").asString()).as(part).isEqualTo("COMPLETED");
            assertThat(newest.path("events").asLong()).as(part).isPositive();
        }
        JsonNode after = gateway.get("/api/reports/portfolio").body();
        assertThat(after.path("freshness").path("generation").asInt())
                .isEqualTo(before.path("freshness").path("generation").asInt() + 1);
        assertThat(after.path("projects")).isEqualTo(before.path("projects"));
        assertThat(after.path("partnerships")).isEqualTo(before.path("partnerships"));
        assertThat(after.path("organisations")).isEqualTo(before.path("organisations"));
    }
}
