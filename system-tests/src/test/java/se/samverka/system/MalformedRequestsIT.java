package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.platform.runtime.Platform;
import se.samverka.system.MalformedRequests.Probe;
import se.samverka.system.MalformedRequests.Targets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thousand malformed requests through the gateway of the whole running platform, generated from one seed (printed;
 * {@code -Dsamverka.fuzz.seed=...} replays another): none gets a 5xx, every refusal of the API is a problem document,
 * a body with text no one can mean is refused naming the field, and nothing is written but what a 2xx created: the
 * lists grow by exactly those, the resources the requests aim at keep their versions, and every new event on the
 * topics belongs to something created. Sent as the platform's own client, which the gateway does not rate-limit.
 */
class MalformedRequestsIT {

    private static final long SEED = Long.getLong("samverka.fuzz.seed", 20_261_203L);
    private static final int REQUESTS = Integer.getInteger("samverka.fuzz.requests", 1_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS =
            List.of(PartnershipContracts.ORGANISATIONS, PartnershipContracts.PARTNERSHIPS, ProjectContracts.PROJECTS);
    /** What partnership-service announces by the calendar whenever its check runs, no request written: left out. */
    private static final Set<String> BY_THE_CALENDAR = Set.of(
            PartnershipContracts.PARTNERSHIP_AGREEMENT_COMING_DUE.type(),
            PartnershipContracts.PARTNERSHIP_AGREEMENT_DUE.type());

    private final HttpClient http = client();
    /**
     * For request lines over the limit, each on a connection of its own (the 414 closes it): on a connection that
     * served a request before, Reactor Netty 1.3.6 now and then never answers one.
     */
    private final HttpClient longLines = client();

    /** What a probe got back. */
    private record Answer(int status, String contentType, String body, String location) {
    }

    @Test
    void malformedRequestsGetNo5xxAProblemDocumentAndWriteNothing() {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        String token = RunningPlatform.coordinatorToken();
        KafkaTopicReader kafka = new KafkaTopicReader(platform.settings().kafkaBootstrapServers());
        Targets targets = targets(gateway);
        Map<String, Long> listsBefore = lists(gateway, targets);
        Map<String, String> versionsBefore = versions(gateway, targets);
        Set<String> recordsBefore = settledRecords(kafka, targets).keySet();

        List<Probe> probes = MalformedRequests.generate(SEED, targets, REQUESTS);
        System.out.printf("MalformedRequestsIT: %d requests from seed %d (replay: -Dsamverka.fuzz.seed=%d)%n",
                probes.size(), SEED, SEED);
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Map<String, Long> created = new TreeMap<>();
        Set<String> announced = new HashSet<>();
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Probe probe : probes) {
            Answer answer = send(platform.gatewayUrl(), token, probe);
            statuses.merge(answer.status(), 1L, Long::sum);
            check(probe, answer).ifPresent(failure -> failures.add(failure(failure, probe, answer)));
            if (answer.status() / 100 == 2 || answer.status() == 303) {
                if (probe.creates() != null) {
                    created.merge(probe.creates(), 1L, Long::sum);
                    // A contact person is announced as an event of its organisation.
                    announced.add(probe.creates().equals("contact-persons") ? targets.contactOrganisation()
                            : createdId(answer));
                } else if (!isRead(probe.method())) {
                    failures.add(failure("A change that may write nothing was accepted", probe, answer));
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("MalformedRequestsIT: %d requests in %.1f s; answers by status %s; created %s%n",
                probes.size(), took.toMillis() / 1000.0, statuses, created);

        assertThat(failures).as("failures of seed %d", SEED).isEmpty();
        assertThat(lists(gateway, targets)).as("every list grew by exactly what a 2xx created")
                .isEqualTo(grown(listsBefore, created));
        assertThat(versions(gateway, targets)).as("the resources changes were aimed at are as they were")
                .isEqualTo(versionsBefore);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(newKeys(kafka, recordsBefore))
                .as("the aggregates with new events").containsAll(announced));
        assertThat(newKeys(kafka, recordsBefore)).as("new events only of what was created").isSubsetOf(announced);
    }

    /** What must hold of any answer, and what more of a refused text's; the failure if something does not. */
    private static Optional<String> check(Probe probe, Answer answer) {
        if (answer.status() >= 500) {
            return Optional.of("A 5xx");
        }
        boolean problem = answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
        if (answer.status() >= 400 && probe.api() && probe.lineFits() && !probe.method().equals("HEAD")
                && !problem) {
            return Optional.of("An error of the API that is no problem document");
        }
        if (probe.refusedField() != null) {
            boolean named = answer.status() == 422 && problem && fields(answer.body()).contains(probe.refusedField());
            boolean malformed = !probe.escaped() && answer.status() == 400;
            if (!named && !malformed) {
                return Optional.of("Text no one can mean at " + probe.refusedField()
                        + " was not refused naming the field");
            }
        }
        return Optional.empty();
    }

    /** The failure with the request that caused it, to replay, and what came back. */
    private static String failure(String failure, Probe probe, Answer answer) {
        return failure + "\n    sent " + probe.describe() + "\n    got  " + answer.status() + " " + answer.contentType()
                + " " + MalformedRequests.printable(answer.body(), 400);
    }

    private Answer send(String gatewayUrl, String token, Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + probe.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = (probe.lineFits() ? http : longLines).send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(probe.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Resources made or found for the requests to aim at, before anything is counted. */
    private static Targets targets(Api gateway) {
        String department = first(gateway, "/api/organisations?type=DEPARTMENT&sort=name");
        String city = first(gateway, "/api/organisations?type=FOREIGN_CITY&sort=name");
        String contactOrganisation = gateway.create("/api/organisations",
                Map.of("name", "Fuzzmål AB", "type", "COMPANY", "country", "SE"));
        String contactPerson = gateway.create("/api/organisations/" + contactOrganisation + "/contact-persons",
                Map.of("name", "Fuzzmål Person", "lawfulBasis", "PUBLIC_TASK",
                        "retainUntil", LocalDate.now().plusYears(1).toString()));
        return new Targets(department, city, contactOrganisation, contactPerson, first(gateway, "/api/projects?sort=title"),
                first(gateway, "/api/partnerships?sort=name"));
    }

    private static String first(Api gateway, String list) {
        return gateway.get(list).body().path("items").get(0).path("id").asString();
    }

    private static Map<String, Long> lists(Api gateway, Targets targets) {
        Map<String, Long> lists = new TreeMap<>();
        for (String list : List.of("organisations", "partnerships", "projects", "subscriptions")) {
            lists.put(list, gateway.get("/api/" + list + "?size=1").body().path("totalItems").asLong());
        }
        lists.put("contact-persons", (long) gateway.get("/api/organisations/" + targets.contactOrganisation()
                + "/contact-persons").body().size());
        return lists;
    }

    private static Map<String, Long> grown(Map<String, Long> before, Map<String, Long> created) {
        Map<String, Long> expected = new TreeMap<>(before);
        created.forEach((list, count) -> expected.merge(list, count, Long::sum));
        return expected;
    }

    private static Map<String, String> versions(Api gateway, Targets targets) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("department", gateway.get("/api/organisations/" + targets.department()).etag());
        versions.put("city", gateway.get("/api/organisations/" + targets.city()).etag());
        versions.put("contact person", gateway.get("/api/contact-persons/" + targets.contactPerson()).etag());
        versions.put("project", gateway.get("/api/projects/" + targets.project()).etag());
        versions.put("partnership", gateway.get("/api/partnerships/" + targets.partnership()).etag());
        return versions;
    }

    /** Every record of the topics, by topic, partition and offset, with its key. */
    private static Map<String, String> records(KafkaTopicReader kafka) {
        Map<String, String> records = new HashMap<>();
        for (String topic : TOPICS) {
            kafka.readAll(topic).stream()
                    .filter(record -> !BY_THE_CALENDAR.contains(record.headers().get("ce_type")))
                    .forEach(record -> records.put(topic + "/" + record.partition() + "/" + record.offset(),
                            record.key()));
        }
        return records;
    }

    /**
     * The topics' records once the relays have published everything written before (the targets' events included):
     * when a second passes without a new one.
     */
    private static Map<String, String> settledRecords(KafkaTopicReader kafka, Targets targets) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.eventsOf(PartnershipContracts.ORGANISATIONS, targets.contactOrganisation()).size() == 2);
        AtomicReference<Map<String, String>> last = new AtomicReference<>(records(kafka));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, String> now = records(kafka);
                    return now.size() == last.getAndSet(now).size();
                });
        return last.get();
    }

    private static Set<String> newKeys(KafkaTopicReader kafka, Set<String> before) {
        return records(kafka).entrySet().stream().filter(record -> !before.contains(record.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
    }

    /** The id of what a 2xx created: from its body, or from the page the portal sent the browser to. */
    private static String createdId(Answer answer) {
        if (answer.status() == 303) {
            return answer.location().substring(answer.location().lastIndexOf('/') + 1);
        }
        return JSON.readTree(answer.body()).path("id").asString();
    }

    private static Set<String> fields(String problem) {
        Set<String> fields = new HashSet<>();
        JSON.readTree(problem).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
