package se.samverka.platform.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatchTest {

    @Test
    void aPrometheusPageIsReadSeriesBySeries() {
        List<Sample> samples = Sample.parse("""
                # HELP samverka_outbox_pending Events stored but not yet published
                # TYPE samverka_outbox_pending gauge
                samverka_outbox_pending{application="project-service"} 3.0
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 12.0 1712345678
                jvm_info{vendor="Eclipse \\"Adoptium\\"",version="17"} 1
                some_bucket_upper_bound +Inf
                """);

        assertThat(samples).containsExactly(
                new Sample("samverka_outbox_pending", Map.of("application", "project-service"), 3),
                new Sample("spring_cloud_stream_binder_kafka_offset",
                        Map.of("group", "reporting-service", "topic", "samverka.projects"), 12),
                new Sample("jvm_info", Map.of("vendor", "Eclipse \\\"Adoptium\\\"", "version", "17"), 1));
    }

    @Test
    void aHealthyPlatformNeedsNoOne() {
        Map<String, List<Sample>> metrics = new LinkedHashMap<>();
        metrics.put("project-service", Sample.parse("""
                samverka_outbox_pending{application="project-service"} 0.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 0.0
                spring_cloud_stream_binder_kafka_offset{group="project-service",topic="samverka.organisations"} 0.0
                samverka_events_gaps_unfilled_total{consumer="known-organisations"} 0.0
                """));
        metrics.put("reporting-service", Sample.parse("samverka_readmodels_writer 1.0\n"));

        Watch watch = Watch.of(metrics, Optional.of(Map.of("samverka.projects.reporting-service.dlq", 0L)));

        assertThat(List.of(watch.outbox(), watch.lag(), watch.deadLetters(), watch.gaps(),
                watch.reportWriters().orElseThrow(), watch.deliveries())).noneMatch(Watch.Concern::needsAPerson);
        assertThat(watch.lines()).allMatch(line -> line.startsWith("  "));
        assertThat(String.join("\n", watch.lines())).contains("no event waits to be published",
                "every consumer group is up to date", "none parked", "reporting-service");
    }

    @Test
    void deadLettersTheBrokerDidNotCountAreNotCalledNone() {
        Watch watch = Watch.of(Map.of(), Optional.empty());

        assertThat(watch.deadLetters().needsAPerson()).isTrue();
        assertThat(watch.lines()).filteredOn(line -> line.contains("dead letters")).singleElement().asString()
                .startsWith("!").contains("unknown: the broker does not answer").doesNotContain("none parked");
    }

    @Test
    void whatNeedsAPersonIsMarked() {
        Map<String, List<Sample>> metrics = new LinkedHashMap<>();
        metrics.put("project-service", Sample.parse("""
                samverka_outbox_pending{application="project-service"} 40.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 300.0
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 7.0
                """));
        metrics.put("reporting-service", Sample.parse("""
                samverka_readmodels_writer 0.0
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 7.0
                samverka_events_gaps_unfilled_total{consumer="reporting-samverka.projects"} 2.0
                """));
        metrics.put("subscription-service", Sample.parse("""
                samverka_subscriptions_deliveries_pending 5.0
                samverka_subscriptions_deliveries_total{outcome="delivered"} 9.0
                samverka_subscriptions_deliveries_total{outcome="failed"} 1.0
                """));

        List<String> lines = Watch.of(metrics, Optional.of(Map.of(
                "samverka.projects.reporting-service.dlq", 2L, "samverka.organisations.project-service.dlq", 0L)))
                .lines();

        assertThat(lines).filteredOn(line -> line.startsWith("!")).hasSize(5)
                .anyMatch(line -> line.contains("outbox backlog") && line.contains("40 waiting (oldest 300 s)"))
                .anyMatch(line -> line.contains("2 parked: samverka.projects.reporting-service.dlq 2"))
                .anyMatch(line -> line.contains("gaps left open") && line.contains("2 since"))
                .anyMatch(line -> line.contains("no instance: the reports do not follow the events"))
                .anyMatch(line -> line.contains("5 waiting; 1 given up"));
        // The lag of one group, reported by two instances, is counted once.
        assertThat(lines).anyMatch(line -> line.contains("7 records to take: reporting-service on samverka.projects 7"));
    }

    @Test
    void eachInstanceHasItsBacklogAndOnlyAStuckOneNeedsAPerson() {
        Map<String, List<Sample>> metrics = new LinkedHashMap<>();
        metrics.put("project-service", Sample.parse("""
                samverka_outbox_pending{application="project-service"} 3.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 4.0
                """));
        metrics.put("project-service-2", Sample.parse("""
                samverka_outbox_pending{application="project-service"} 1.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 121.0
                """));
        metrics.put("reporting-service-2", List.of());

        Watch watch = Watch.of(metrics, Optional.of(Map.of()));

        assertThat(watch.outbox().instances()).containsExactly(
                Map.entry("project-service", new Watch.Outbox.Backlog(3, 4)),
                Map.entry("project-service-2", new Watch.Outbox.Backlog(1, 121)));
        assertThat(watch.outbox().instances().get("project-service").stuck()).isFalse();
        assertThat(watch.outbox().needsAPerson()).isTrue();
        assertThat(watch.outbox().runbook()).isEqualTo("docs/operations.md#the-relay-is-stuck");
        assertThat(watch.reportWriters()).as("a second instance of reporting-service that did not answer")
                .hasValueSatisfying(writers -> assertThat(writers.needsAPerson()).isTrue());
    }

    @Test
    void theServicesCountTheirDeadLettersPerTopicAndGroup() {
        Map<String, List<Sample>> metrics = new LinkedHashMap<>();
        metrics.put("reporting-service", Sample.parse("""
                samverka_events_dead_lettered_total{application="reporting-service",group="reporting-service",topic="samverka.projects"} 2.0
                samverka_events_dead_lettered_total{application="reporting-service",group="reporting-service",topic="samverka.organisations"} 0.0
                """));
        metrics.put("reporting-service-2", Sample.parse("""
                samverka_events_dead_lettered_total{application="reporting-service",group="reporting-service",topic="samverka.projects"} 1.0
                """));

        Map<String, Long> parked = Watch.openDeadLetters(metrics);

        assertThat(parked).as("without the count of what is open, what was parked since the services started")
                .containsExactly(Map.entry("samverka.organisations.reporting-service.dlq", 0L),
                        Map.entry("samverka.projects.reporting-service.dlq", 3L));
        assertThat(Watch.of(metrics, Optional.of(parked)).deadLetters().needsAPerson()).isTrue();
    }

    @Test
    void whatIsOpenIsWhatTheServicesCountAsOpenWhereTheyDo() {
        Map<String, List<Sample>> metrics = new LinkedHashMap<>();
        metrics.put("reporting-service", Sample.parse("""
                samverka_events_dead_lettered_total{group="reporting-service",topic="samverka.projects"} 5.0
                samverka_events_dead_letters_open{group="reporting-service",topic="samverka.projects"} 2.0
                """));
        metrics.put("reporting-service-2", Sample.parse("""
                samverka_events_dead_letters_open{group="reporting-service",topic="samverka.projects"} 1.0
                """));
        metrics.put("project-service", Sample.parse("""
                samverka_events_dead_lettered_total{group="project-service",topic="samverka.organisations"} 3.0
                samverka_events_dead_letters_open{group="project-service",topic="samverka.organisations"} 0.0
                """));

        Map<String, Long> open = Watch.openDeadLetters(metrics);

        assertThat(open).as("each topic once, at its highest count, as the alert takes it")
                .containsExactly(Map.entry("samverka.organisations.project-service.dlq", 0L),
                        Map.entry("samverka.projects.reporting-service.dlq", 2L));
        assertThat(Watch.of(metrics, Optional.of(open)).deadLetters().total()).isEqualTo(2);
    }
}
