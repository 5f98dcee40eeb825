package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformWatchTest {

    @Test
    void aPrometheusPageIsReadSeriesBySeries() {
        List<PlatformWatch.Sample> samples = PlatformWatch.parse("""
                # HELP samverka_outbox_pending Events stored but not yet published
                # TYPE samverka_outbox_pending gauge
                samverka_outbox_pending{application="project-service"} 3.0
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 12.0 1712345678
                jvm_info{vendor="Eclipse \\"Adoptium\\"",version="17"} 1
                some_bucket_upper_bound +Inf
                """);

        assertThat(samples).containsExactly(
                new PlatformWatch.Sample("samverka_outbox_pending", Map.of("application", "project-service"), 3),
                new PlatformWatch.Sample("spring_cloud_stream_binder_kafka_offset",
                        Map.of("group", "reporting-service", "topic", "samverka.projects"), 12),
                new PlatformWatch.Sample("jvm_info", Map.of("vendor", "Eclipse \\\"Adoptium\\\"", "version", "17"), 1));
    }

    @Test
    void aHealthyPlatformNeedsNoOne() {
        Map<String, List<PlatformWatch.Sample>> metrics = new LinkedHashMap<>();
        metrics.put("project-service", PlatformWatch.parse("""
                samverka_outbox_pending{application="project-service"} 0.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 0.0
                spring_cloud_stream_binder_kafka_offset{group="project-service",topic="samverka.organisations"} 0.0
                samverka_events_gaps_unfilled_total{consumer="known-organisations"} 0.0
                """));
        metrics.put("reporting-service", PlatformWatch.parse("samverka_readmodels_writer 1.0\n"));

        List<String> lines = PlatformWatch.lines(metrics,
                Optional.of(Map.of("samverka.projects.reporting-service.dlq", 0L)));

        assertThat(lines).allMatch(line -> line.startsWith("  "));
        assertThat(String.join("\n", lines)).contains("no event waits to be published", "every consumer group is up to date",
                "none parked", "reporting-service");
    }

    @Test
    void deadLettersTheBrokerDidNotCountAreNotCalledNone() {
        List<String> lines = PlatformWatch.lines(Map.of(), Optional.empty());

        assertThat(lines).filteredOn(line -> line.contains("dead letters")).singleElement().asString()
                .startsWith("!").contains("unknown: the broker does not answer").doesNotContain("none parked");
    }

    @Test
    void whatNeedsAPersonIsMarked() {
        Map<String, List<PlatformWatch.Sample>> metrics = new LinkedHashMap<>();
        metrics.put("project-service", PlatformWatch.parse("""
                samverka_outbox_pending{application="project-service"} 40.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 300.0
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 7.0
                """));
        metrics.put("reporting-service", PlatformWatch.parse("""
                samverka_readmodels_writer 0.0
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 7.0
                samverka_events_gaps_unfilled_total{consumer="reporting-samverka.projects"} 2.0
                """));
        metrics.put("subscription-service", PlatformWatch.parse("""
                samverka_subscriptions_deliveries_pending 5.0
                samverka_subscriptions_deliveries_total{outcome="delivered"} 9.0
                samverka_subscriptions_deliveries_total{outcome="failed"} 1.0
                """));

        List<String> lines = PlatformWatch.lines(metrics, Optional.of(Map.of(
                "samverka.projects.reporting-service.dlq", 2L, "samverka.organisations.project-service.dlq", 0L)));

        assertThat(lines).filteredOn(line -> line.startsWith("!")).hasSize(5)
                .anyMatch(line -> line.contains("outbox backlog") && line.contains("40 waiting (oldest 300 s)"))
                .anyMatch(line -> line.contains("2 parked: samverka.projects.reporting-service.dlq 2"))
                .anyMatch(line -> line.contains("gaps left open") && line.contains("2 since"))
                .anyMatch(line -> line.contains("no instance: the reports do not follow the events"))
                .anyMatch(line -> line.contains("5 waiting; 1 given up"));
        // The lag of one group, reported by two instances, is counted once.
        assertThat(lines).anyMatch(line -> line.contains("7 records to take: reporting-service on samverka.projects 7"));
    }
}
