package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.runtime.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * project-service is killed with -9 while clients write to it. Every write it acknowledged must reach Kafka and the
 * portfolio once it is back, and every event on Kafka must stand for a project that really was stored.
 */
class ServiceCrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE = "project-service";
    private static final int WRITERS = 3;

    @Test
    void killingAServiceDuringWritesLosesNoAcknowledgedEvent() throws Exception {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        String owner = gateway.create("/api/organisations",
                Map.of("name", "Teknik- och fastighetsförvaltningen", "type", "DEPARTMENT", "country", "SE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> register(platform, owner, "warm-up").statusCode() == 201);

        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = IntStream.range(0, WRITERS)
                    .<Future<?>>mapToObj(writer -> writers.submit(() -> {
                        int n = 0;
                        while (writing.get()) {
                            HttpResponse<String> response = register(platform, owner, run + "-" + writer + "-" + n++);
                            if (response.statusCode() == 201) {
                                acknowledged.add(JSON.readTree(response.body()).path("id").asString());
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                    }))
                    .toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 30);

            platform.kill(SERVICE);
            int acknowledgedAtKill = acknowledged.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() >= WRITERS);
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get();
            }
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(acknowledgedAtKill);
            System.out.printf("%d writes acknowledged, %d refused while %s was down%n", acknowledged.size(),
                    refused.get(), SERVICE);
        } finally {
            writers.shutdownNow();
        }

        platform.restart(SERVICE);

        KafkaTopicReader kafka = new KafkaTopicReader(platform.settings().kafkaBootstrapServers());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(registeredOnKafka(kafka, run))
                .containsAll(acknowledged));
        for (String project : registeredOnKafka(kafka, run)) {
            gateway.http().get().uri("/api/projects/{id}", project).exchange().expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projectsInPortfolio(gateway) == projectsStored(gateway));
    }

    /** Ids of this run's projects whose registration is on the topic (once or, after a crash, more often). */
    private static Set<String> registeredOnKafka(KafkaTopicReader kafka, String run) {
        return kafka.readAll(Topics.PROJECTS).stream()
                .map(KafkaTopicReader.Record::event)
                .filter(event -> event.data().contains("\"title\":\"Crash test " + run))
                .map(EventEnvelope::aggregateId)
                .collect(Collectors.toSet());
    }

    private static HttpResponse<String> register(Platform platform, String owner, String name) {
        String body = "{\"title\":\"Crash test " + name + "\",\"ownerOrganisationId\":\"" + owner + "\"}";
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/projects"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + RunningPlatform.coordinatorToken())
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long projectsInPortfolio(Api gateway) {
        JsonNode portfolio = JSON.readTree(gateway.http().get().uri("/api/reports/portfolio").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
        return portfolio.path("projects").path("total").asLong();
    }

    private static long projectsStored(Api gateway) {
        return JSON.readTree(gateway.http().get().uri("/api/projects").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody()).path("totalItems").asLong();
    }
}
