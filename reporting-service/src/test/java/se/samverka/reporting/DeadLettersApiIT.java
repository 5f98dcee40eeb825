package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import se.samverka.platform.events.Topics;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.platform.test.TestTokens;
import se.samverka.project.contracts.ProjectContracts;
import tools.jackson.databind.JsonNode;

/**
 * The dead letters' operator API of a consuming service, over HTTP: the coordinator's only; a poison record cannot
 * be replayed and is discarded with a reason; an event parked by mistake is replayed and counts as applied.
 */
class DeadLettersApiIT extends ReportingIntegrationTest {

    private static final String DEAD_LETTERS = "/api/operations/dead-letters";

    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void aPoisonRecordIsShownRefusedAReplayAndDiscardedWithAReason() {
        String key = "poison-" + UUID.randomUUID();
        history.writer().send(ProjectContracts.PROJECTS, key, Map.of("ce_type", ProjectContracts.PROJECT_REGISTERED.type()),
                "{not json");
        JsonNode parked = await().atMost(WAIT).until(() -> open(key), letter -> letter != null);
        String path = DEAD_LETTERS + "/" + parked.path("id").asString();

        assertThat(parked.path("deadLetterTopic").asString()).isEqualTo(Topics.deadLetter(ProjectContracts.PROJECTS, group));
        assertThat(parked.path("originalTopic").asString()).isEqualTo(ProjectContracts.PROJECTS);
        assertThat(parked.path("group").asString()).isEqualTo(group);
        assertThat(parked.path("eventType").asString()).isEqualTo(ProjectContracts.PROJECT_REGISTERED.type());
        assertThat(parked.path("reason").asString()).contains("PoisonEventException");
        assertThat(parked.path("status").asString()).isEqualTo("OPEN");
        assertThat(parked.has("decision")).isTrue();
        assertThat(parked.path("decision").isNull()).isTrue();
        JsonNode whole = api.get(path).body();
        assertThat(whole.path("payload").asString()).isEqualTo("{not json");
        assertThat(whole.path("headers").path("kafka_dlt-original-topic").asString()).isEqualTo(ProjectContracts.PROJECTS);

        JsonNode failed = api.refused(HttpMethod.POST, path + "/replay", null, null, HttpStatus.CONFLICT);
        assertThat(failed.path("detail").asString()).contains("PoisonEventException");
        assertThat(api.get(path).body().path("status").asString()).isEqualTo("OPEN");
        api.expectProblem(path + "/discard", Map.of("reason", ""), HttpStatus.UNPROCESSABLE_CONTENT, "reason");
        api.expectProblem(path + "/discard", Map.of(), HttpStatus.UNPROCESSABLE_CONTENT, "reason");

        JsonNode discarded = post(path + "/discard", Map.of("reason", "Not an event: written by hand to the topic"));
        assertThat(discarded.path("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.path("decision").path("reason").asString()).isEqualTo("Not an event: written by hand to the topic");
        assertThat(discarded.path("decision").path("by").asString()).isNotBlank();
        assertThat(discarded.path("decision").path("at").asString()).isNotBlank();
        assertThat(api.refused(HttpMethod.POST, path + "/replay", null, null, HttpStatus.CONFLICT).path("from").asString())
                .isEqualTo("DISCARDED");
        api.refused(HttpMethod.POST, path + "/discard", null, Map.of("reason", "again"), HttpStatus.CONFLICT);
        assertThat(open(key)).isNull();
        assertThat(api.get(DEAD_LETTERS + "?status=all&size=200").body().path("deadLetters").valueStream()
                .filter(letter -> key.equals(letter.path("key").asString())).map(letter -> letter.path("status").asString()))
                .containsExactly("DISCARDED");
    }

    @Test
    void anEventParkedThoughItCouldBeAppliedIsReplayedOnce() {
        String department = history.organisation("Miljö- och samhällsnämnden", "DEPARTMENT", "SE", "SE-Z");
        String project = history.project("Parkerad av misstag", department, List.of("S1"), List.of(), List.of(), null, null);
        await().atMost(WAIT).until(() -> api.status(HttpMethod.GET, "/api/reports/projects/" + project, null, null) == 200);
        KafkaTopicReader.Record event = kafka.readAll(ProjectContracts.PROJECTS).stream()
                .filter(record -> project.equals(record.key())).findFirst().orElseThrow();
        String path = DEAD_LETTERS + "/" + parkAsTheConsumerWould(event);

        JsonNode replayed = post(path + "/replay", null);

        assertThat(replayed.path("status").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.path("decision").path("outcome").asString()).isEqualTo("already applied");
        assertThat(replayed.path("eventId").asString()).isEqualTo(event.headers().get("ce_id"));
        JsonNode again = api.refused(HttpMethod.POST, path + "/replay", null, null, HttpStatus.CONFLICT);
        assertThat(again.path("from").asString()).isEqualTo("REPLAYED");
        api.refused(HttpMethod.GET, DEAD_LETTERS + "/" + Topics.deadLetter(ProjectContracts.PROJECTS, group) + "/0/999999",
                null, null, HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheCoordinatorSeesAndDecidesDeadLetters() {
        Api staff = api.as(TestTokens.staff(UUID.randomUUID().toString()));
        String somePath = DEAD_LETTERS + "/" + Topics.deadLetter(ProjectContracts.PROJECTS, group) + "/0/0";

        assertThat(api.anonymous().status(HttpMethod.GET, DEAD_LETTERS, null, null)).isEqualTo(401);
        assertThat(staff.status(HttpMethod.GET, DEAD_LETTERS, null, null)).isEqualTo(403);
        assertThat(staff.refused(HttpMethod.POST, somePath + "/replay", null, null, HttpStatus.FORBIDDEN)
                .path("detail").asString()).contains("coordinator");
        assertThat(staff.status(HttpMethod.POST, somePath + "/discard", null, Map.of("reason", "no"))).isEqualTo(403);
        assertThat(api.anonymous().status(HttpMethod.POST, somePath + "/replay", null, null)).isEqualTo(401);
        expectRefused(DEAD_LETTERS + "?status=closed", HttpStatus.UNPROCESSABLE_CONTENT, "status");
        expectRefused(DEAD_LETTERS + "?size=201", HttpStatus.UNPROCESSABLE_CONTENT, "size");
    }

    /** This service's open dead letter of the key, or null. */
    private JsonNode open(String key) {
        return api.get(DEAD_LETTERS).body().path("deadLetters").valueStream()
                .filter(letter -> key.equals(letter.path("key").asString())).findFirst().orElse(null);
    }

    private JsonNode post(String path, Object body) {
        var request = api.http().post().uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return JSON.readTree(request.exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    /** Writes the event to the group's dead-letter topic with the headers the dead-letter policy writes; its id. */
    private String parkAsTheConsumerWould(KafkaTopicReader.Record event) {
        String topic = Topics.deadLetter(ProjectContracts.PROJECTS, group);
        ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(topic, 0, bytes(event.key()), bytes(event.value()));
        event.headers().forEach((name, value) -> parked.headers().add(name, bytes(value)));
        parked.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(event.topic()))
                .add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(event.partition()).array())
                .add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(event.offset()).array())
                .add("samverka_dlt-reason", bytes("java.lang.IllegalStateException: a bug, fixed since"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return topic + "/0/" + producer.send(parked).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
