package se.samverka.system;

import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.test.Api;
import se.samverka.project.contracts.ProjectContracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each hot path of the platform does, each beside what the machine itself does in the same run: Kafka's own
 * {@code ProducerPerformance} and {@code ConsumerPerformance} on the same broker, a bulk insert into the same store,
 * the same call straight to the service beside the call through the gateway. Then an open-model load (commands
 * arriving at a fixed rate, whatever the platform does with them) at rising rates until it saturates, with the
 * latency of each command and its projection lag: from the 201 to the project standing in the read model the reports
 * are computed from. On demand, never in verify; prints its tables and writes them to
 * {@code system-tests/target/platform-benchmark.md}:
 * {@code ./mvnw -pl system-tests -am verify -Pbenchmark} (the profile also holds the read models against their logs
 * every five minutes, as {@code ./samverka run} does, instead of the fault suite's five seconds);
 * {@code -Dbenchmark.parts=writes,reads,open,relay,rebuild} (any of them) measures only those. The part {@code scale}
 * runs only when named: it first loads {@code -Dbenchmark.projects} (100,000) projects, which takes the better part of
 * an hour.
 */
class PlatformBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WINDOW = Duration.ofSeconds(8);
    private static final int[] RATES = {25, 50, 100, 200, 400};
    /** The services that consume project events; stopped, they leave the relay the cores and the store. */
    private static final List<String> CONSUMERS = List.of("reporting-service", "subscription-service",
            "partnership-service");
    private static final String PROJECT_SERVICE = "project-service";
    /** Projects registered before anything is measured, as a municipality's portfolio would hold. */
    private static final int PORTFOLIO = 2_500;
    /** Requests timed per path at scale, and those before them that are not (the first builds the store's index). */
    private static final int SCALE_REQUESTS = 20;
    private static final int SCALE_WARM_UP = 2;
    /** Requests timed per report right after an event: a report is computed again only then (ADR 0023). */
    private static final int SCALE_AFTER_EVENTS = 10;
    /** A rate saturates when fewer than this share of its commands are acknowledged in time. */
    private static final double SATURATED = 0.9;
    /** How long after a rate's window its commands may take to show in the reports before they count as unseen. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Platform platform;
    private String token;
    private String owner;

    @Test
    void measure() throws Exception {
        platform = RunningPlatform.get();
        // The first start after a build makes the parts' class archives in the background; not while measuring.
        platform.awaitClassArchives(Duration.ofMinutes(10));
        token = RunningPlatform.coordinatorToken();
        String gateway = platform.gatewayUrl();
        String direct = platform.settings().url("project-service");
        owner = JSON.readTree(send(gateway, "POST", "/api/organisations", Map.of("name", "Benchmark förvaltning",
                "type", "DEPARTMENT", "country", "SE")).body()).path("id").asString();

        List<String> rows = new ArrayList<>();
        rows.add("| path | measured | the machine, same run | ratio |");
        rows.add("|---|---:|---:|---:|");

        if (measures("writes")) {
            double bulk = bulkInsertsPerSecond(20_000);
            Load direct1 = closedLoop(direct, 1, WINDOW);
            Load direct4 = closedLoop(direct, 4, WINDOW);
            Load gateway4 = closedLoop(gateway, 4, WINDOW);
            rows.add(progress(row("writes, `POST /api/projects` direct, 1 client", direct1.summary(),
                    "%,.0f documents/s (bulk insert)".formatted(bulk), direct1.perSecond() / bulk)));
            rows.add(progress(row("writes, direct, 4 clients", direct4.summary(), "%,.0f documents/s".formatted(bulk),
                    direct4.perSecond() / bulk)));
            rows.add(progress(row("writes through the gateway, 4 clients", gateway4.summary(),
                    "direct: " + direct4.summary(), gateway4.perSecond() / direct4.perSecond())));
        }

        registerUntil(direct, PORTFOLIO);
        if (measures("reads")) {
            String someProject = JSON.readTree(send(gateway, "GET", "/api/projects?size=1", null).body())
                    .path("items").path(0).path("id").asString();
            Load read1Direct = readLoop(direct, someProject, 1, WINDOW);
            Load read1Gateway = readLoop(gateway, someProject, 1, WINDOW);
            Load read8Direct = readLoop(direct, someProject, 8, WINDOW);
            Load read8Gateway = readLoop(gateway, someProject, 8, WINDOW);
            rows.add(progress("| gateway, `GET /api/projects/{id}`, 1 client | p50 %.1f ms | direct: p50 %.1f ms | +%.1f ms |"
                    .formatted(read1Gateway.p(50), read1Direct.p(50), read1Gateway.p(50) - read1Direct.p(50))));
            rows.add(progress(row("gateway, 8 clients", "%,.0f req/s".formatted(read8Gateway.perSecond()),
                    "direct: %,.0f req/s".formatted(read8Direct.perSecond()),
                    read8Gateway.perSecond() / read8Direct.perSecond())));
        }

        List<String> open = new ArrayList<>();
        open.add("| commands/s offered | acknowledged/s | latency p50 / p95 / p99 ms | projection lag p50 / p95 / p99 ms"
                + " | not in the reports after %d s |".formatted(SEEN_WITHIN.toSeconds()));
        open.add("|---:|---:|---:|---:|---:|");
        if (measures("open")) {
            token = RunningPlatform.coordinatorToken(); // a token lives 15 minutes
            for (int rate : RATES) {
                awaitReportsCaughtUp();
                OpenLoad result = openLoad(gateway, rate, WINDOW);
                open.add(progress("| %d | %.0f | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %d |".formatted(rate,
                        result.acknowledgedPerSecond(), result.latency().p(50), result.latency().p(95),
                        result.latency().p(99), result.lag().p(50), result.lag().p(95), result.lag().p(99),
                        result.unseen())));
                if (result.acknowledgedPerSecond() < SATURATED * rate || result.unseen() > 0) {
                    break;
                }
            }
        }

        if (measures("relay")) {
            double relay = relayEventsPerSecond(direct, 2_000, List.of());
            double alone = relayEventsPerSecond(direct, 2_000, CONSUMERS);
            double producer = producerPerformance(200_000);
            String machine = "%,.0f records/s (ProducerPerformance, acks=all, 512 B)".formatted(producer);
            rows.add(progress(row("outbox relay, 2,000 events waiting", "%,.0f events/s".formatted(relay), machine,
                    relay / producer)));
            rows.add(progress(row("outbox relay alone (the consuming services stopped)",
                    "%,.0f events/s".formatted(alone), machine, alone / producer)));
        }

        if (measures("rebuild")) {
            token = RunningPlatform.coordinatorToken();
            awaitReportsCaughtUp();
            long events = endOffsets(ProjectContracts.PROJECTS);
            double rebuild = rebuildEventsPerSecond(gateway);
            double consumer = consumerPerformance(ProjectContracts.PROJECTS, events);
            rows.add(progress(row("rebuild of the reports", "%,.0f events/s".formatted(rebuild),
                    "%,.0f records/s fetched (ConsumerPerformance, %s)".formatted(consumer, ProjectContracts.PROJECTS),
                    rebuild / consumer)));
        }

        List<String> scale = new ArrayList<>();
        if (measures("scale")) {
            scale.addAll(atScale(gateway, Integer.getInteger("benchmark.projects", 100_000)));
        }

        List<String> report = new ArrayList<>();
        report.add("Platform benchmark: %d cores, %s, Java %s; %d s per figure".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("java.version"), WINDOW.toSeconds()));
        report.add("");
        report.addAll(rows);
        report.add("");
        report.add("Open model through the gateway (%d s per rate; lag: 201 → the project in reporting's read model,"
                .formatted(WINDOW.toSeconds()) + " polled every 5 ms):");
        report.add("");
        report.addAll(open);
        report.add("");
        report.addAll(scale);
        report.forEach(System.out::println);
        Files.write(Path.of("target", "platform-benchmark.md"), report);
    }

    /**
     * Fills the platform with a county's portfolio by {@link PortfolioLoader}, waits for the reports to hold it, and
     * then times, one client at a time, what staff ask of a portfolio that size.
     */
    private List<String> atScale(String gateway, int projects) throws Exception {
        long start = System.nanoTime();
        PortfolioLoader.Loaded loaded = new PortfolioLoader(gateway, RunningPlatform::coordinatorToken)
                .load(projects, 2);
        awaitReportsCaughtUp(Duration.ofMinutes(60));
        // Every project is in the reports; the rest of their events may still be on the way, and each would
        // compute the reports again while they are timed.
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> unconsumed("reporting-service") == 0);
        double caughtUp = (System.nanoTime() - start) / 1e9;
        List<String> rows = new ArrayList<>();
        rows.add(("At %,d projects (the loader's, beside the demo data), one client, %d requests each after %d; a "
                + "report and the dashboard also %d times each right after an event has been applied:")
                .formatted(projects, SCALE_REQUESTS, SCALE_WARM_UP, SCALE_AFTER_EVENTS));
        rows.add("");
        rows.add("| request | p50 ms | p99 ms | after an event: p50 / p99 ms | target p99 ms (issue 15) |");
        rows.add("|---|---:|---:|---:|---:|");
        rows.add(progress(("| loader: %,d projects imported (`POST /api/projects/imports`, 2 clients) | %,.0f s, "
                + "%,.0f projects/s | in the reports after %,.0f s | | |").formatted(loaded.requested(),
                loaded.seconds(), loaded.perSecond(), caughtUp)));
        token = RunningPlatform.coordinatorToken();
        JsonNode first = RunningPlatform.gateway().get("/api/projects?size=1").body().path("items").path(0);
        String changed = first.path("id").asString();
        // A department of the portfolio: its projects a page at a time, and a filter of two parts (ADR 0037).
        String department = first.path("ownerOrganisationId").asString();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("/api/projects?size=20", "");
        targets.put("/api/projects?size=20&status=ONGOING", "50");
        targets.put("/api/projects?size=20&strategy=S1&sort=-score", "50");
        targets.put("/api/reports/activity?limit=20", "");
        for (String report : List.of("portfolio", "funding", "coverage?projects=counted",
                "coverage/" + department + "/projects?size=20",
                "portfolio?department=" + department + "&year=" + Year.now().getValue(),
                "partnerships/twin-cities", "geography", "priority", "indicators")) {
            targets.put("/api/reports/" + report, "50");
        }
        // Every department's projects listed at once: an export's size, not a report for a page (ADR 0037).
        targets.put("/api/reports/coverage?projects=listed", "");
        targets.put("/api/views/dashboard", "150");
        for (Map.Entry<String, String> path : targets.entrySet()) {
            List<String> failed = new ArrayList<>();
            Load load = timed(gateway, path.getKey(), failed);
            // The reports are kept until the next event (ADR 0023): what follows an event is what staff wait for.
            boolean keptUntilAnEvent = path.getKey().startsWith("/api/reports/") && !path.getKey().contains("activity")
                    || path.getKey().startsWith("/api/views/");
            Load afterEvents = keptUntilAnEvent ? timedAfterEvents(gateway, path.getKey(), changed, failed) : null;
            rows.add(progress("| `GET %s` | %,.0f | %,.0f | %s | %s%s |".formatted(path.getKey(), load.p(50),
                    load.p(99), afterEvents == null ? "" : "%,.0f / %,.0f".formatted(afterEvents.p(50),
                            afterEvents.p(99)), path.getValue(), failed.isEmpty() ? "" : "; not 200: " + failed)));
        }
        return rows;
    }

    /**
     * The latencies of {@link #SCALE_AFTER_EVENTS} requests, each right after an event (the project's health set)
     * has been applied by reporting-service; the status of each that did not answer 200 goes to {@code failed}.
     */
    private Load timedAfterEvents(String gateway, String path, String project, List<String> failed) throws Exception {
        Api api = RunningPlatform.gateway();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SCALE_AFTER_EVENTS; i++) {
            String version = api.get("/api/projects/{id}", project).etag();
            api.change(HttpMethod.PUT, "/api/projects/" + project + "/health", version,
                    Map.of("status", i % 2 == 0 ? "AT_RISK" : "ON_TRACK", "note", "benchmark"));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> unconsumed("reporting-service") == 0);
            timedOnce(gateway, path, millis, failed);
        }
        return new Load(millis, Double.NaN);
    }

    /**
     * The latencies of {@link #SCALE_REQUESTS} requests one after the other, after {@link #SCALE_WARM_UP}; the status
     * of each timed one that did not answer 200 goes to {@code failed}.
     */
    private Load timed(String gateway, String path, List<String> failed) throws Exception {
        for (int i = 0; i < SCALE_WARM_UP; i++) {
            timedOnce(gateway, path, new ArrayList<>(), new ArrayList<>());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SCALE_REQUESTS; i++) {
            timedOnce(gateway, path, millis, failed);
        }
        return new Load(millis, Double.NaN);
    }

    /** One request: its latency goes to {@code millis}, its status to {@code failed} unless it answered 200. */
    private void timedOnce(String gateway, String path, List<Double> millis, List<String> failed) throws Exception {
        long begin = System.nanoTime();
        String status;
        try {
            status = String.valueOf(send(gateway, "GET", path, null).statusCode());
        } catch (HttpTimeoutException e) {
            status = "no answer in 10 s";
        }
        millis.add((System.nanoTime() - begin) / 1e6);
        if (!status.equals("200")) {
            failed.add(status);
        }
    }

    /**
     * Whether a part of the benchmark runs: those {@code -Dbenchmark.parts} names, e.g. {@code relay,rebuild}; when it
     * names none, all but {@code scale}, which takes an hour of its own.
     */
    private static boolean measures(String part) {
        String parts = System.getProperty("benchmark.parts", "");
        return parts.isBlank() ? !part.equals("scale") : List.of(parts.split(",")).contains(part);
    }

    /** A row as soon as it is measured, so that a run cut short still shows what it had. */
    private static String progress(String row) {
        System.out.println(row);
        return row;
    }

    private static String row(String path, String measured, String machine, double ratio) {
        // Far below the machine's figure, whole percents would all read 0.
        return "| %s | %s | %s | %s |".formatted(path, measured, machine,
                ratio >= 0.1 ? "%.0f %%".formatted(100 * ratio) : "%.2f %%".formatted(100 * ratio));
    }

    /** Latencies of one run and how many answers per second it had. */
    private record Load(List<Double> millis, double perSecond) {

        double p(int percentile) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = millis.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        }

        String summary() {
            return "%,.0f/s, p50 %.1f ms".formatted(perSecond, p(50));
        }
    }

    /** @param unseen acknowledged commands not in the reports' read model {@link #SEEN_WITHIN} after the window */
    private record OpenLoad(double acknowledgedPerSecond, Load latency, Load lag, int unseen) {
    }

    /** Writes from {@code clients} closed loops for the window: each waits for its answer before the next. */
    private Load closedLoop(String base, int clients, Duration window) throws Exception {
        AtomicInteger n = new AtomicInteger();
        return loop(clients, window, () -> send(base, "POST", "/api/projects", project("closed " + n.incrementAndGet()))
                .statusCode() == 201);
    }

    private Load readLoop(String base, String projectId, int clients, Duration window) throws Exception {
        return loop(clients, window, () -> send(base, "GET", "/api/projects/" + projectId, null).statusCode() == 200);
    }

    private static Load loop(int clients, Duration window, Call call) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + window.toNanos();
        inParallel(clients, () -> {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                if (call.ok()) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            return null;
        });
        return new Load(List.copyOf(millis), millis.size() / (window.toMillis() / 1000.0));
    }

    /** Runs {@code body} on {@code clients} threads at once and waits for all of them. */
    private static void inParallel(int clients, Callable<Object> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                runs.add(pool.submit(body));
            }
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Call {
        boolean ok() throws Exception;
    }

    /**
     * Commands arriving at {@code rate} per second through the gateway (up to 256 under way; an arrival beyond that
     * is counted as not acknowledged), each project then looked for in reporting's read model.
     */
    private OpenLoad openLoad(String gateway, int rate, Duration window) throws Exception {
        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger n = new AtomicInteger();
        Semaphore underWay = new Semaphore(256);
        ExecutorService writers = Executors.newCachedThreadPool();
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watchReadModel(acknowledgedAt, lags, watching), "lag-watcher");
        watcher.start();
        arrivals.scheduleAtFixedRate(() -> {
            if (underWay.tryAcquire()) {
                writers.submit(() -> {
                    try {
                        long start = System.nanoTime();
                        HttpResponse<String> answer = send(gateway, "POST", "/api/projects",
                                project("open " + rate + " " + n.incrementAndGet()));
                        if (answer.statusCode() == 201) {
                            long at = System.nanoTime();
                            latencies.add((at - start) / 1e6);
                            acknowledgedAt.put(JSON.readTree(answer.body()).path("id").asString(), at);
                        }
                    } catch (Exception e) {
                        // Not acknowledged: it counts as such in the rate.
                    } finally {
                        underWay.release();
                    }
                });
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        // Shutting the arrivals down ends the periodic arrivals: the window is over.
        arrivals.schedule(arrivals::shutdown, window.toMillis(), TimeUnit.MILLISECONDS);
        try {
            arrivals.awaitTermination(window.toSeconds() + 5, TimeUnit.SECONDS);
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            await().atMost(SEEN_WITHIN).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(acknowledgedAt::isEmpty);
        } catch (ConditionTimeoutException e) {
            // What the reports have not shown by then is counted, not waited for.
        } finally {
            watching.set(false);
            watcher.join();
            arrivals.shutdownNow();
            writers.shutdownNow();
        }
        double acknowledged = latencies.size() / (window.toMillis() / 1000.0);
        return new OpenLoad(acknowledged, new Load(List.copyOf(latencies), acknowledged),
                new Load(List.copyOf(lags), acknowledged), acknowledgedAt.size());
    }

    /** Looks every 5 ms for the acknowledged projects in reporting's read model, and takes each one's lag. */
    private void watchReadModel(Map<String, Long> acknowledgedAt, Collection<Double> lags, AtomicBoolean watching) {
        try (MongoClient client = MongoClients.create(platform.settings().mongoUri(""))) {
            while (watching.get()) {
                if (!acknowledgedAt.isEmpty()) {
                    lookFor(client, acknowledgedAt, lags);
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
    }

    /** Takes the lag of each acknowledged project that stands in reporting's read model now. */
    private static void lookFor(MongoClient client, Map<String, Long> acknowledgedAt, Collection<Double> lags) {
        try {
            for (Document found : currentProjects(client).find(Filters.in("_id", List.copyOf(acknowledgedAt.keySet())))
                    .projection(Projections.include("_id"))) {
                Long at = acknowledgedAt.remove(found.getString("_id"));
                if (at != null) {
                    lags.add((System.nanoTime() - at) / 1e6);
                }
            }
        } catch (MongoException e) {
            // The next look, 5 ms on, tries again; the lag it takes is the later one, as the reader's would be.
        }
    }

    /**
     * Waits until reporting's read model holds as many projects as project-service does, so that a rate's lag is its
     * own and not the backlog of what came before.
     */
    private void awaitReportsCaughtUp() {
        awaitReportsCaughtUp(Duration.ofMinutes(15));
    }

    private void awaitReportsCaughtUp(Duration atMost) {
        try (MongoClient client = MongoClients.create(platform.settings().mongoUri(""))) {
            MongoCollection<Document> source = client.getDatabase("project-service").getCollection("projects");
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                    .until(() -> currentProjects(client).countDocuments() >= source.countDocuments());
        }
    }

    /** The projects of the read-model generation in use: the newest one, no rebuild running meanwhile. */
    private static MongoCollection<Document> currentProjects(MongoClient client) {
        var database = client.getDatabase("reporting-service");
        String newest = database.listCollectionNames().into(new ArrayList<>()).stream()
                .filter(name -> name.matches("projects_g\\d+"))
                .max((a, b) -> Integer.compare(generation(a), generation(b)))
                .orElse("projects_g1");
        return database.getCollection(newest);
    }

    private static int generation(String collection) {
        return Integer.parseInt(collection.substring(collection.indexOf("_g") + 2));
    }

    /** Documents per second inserted in batches of 1,000 into the same store, in a database of its own. */
    private double bulkInsertsPerSecond(int count) {
        try (MongoClient client = MongoClients.create(platform.settings().mongoUri(""))) {
            MongoCollection<Document> bench = client.getDatabase("benchmark").getCollection("bulk");
            bench.drop();
            long start = System.nanoTime();
            for (int batch = 0; batch < count / 1_000; batch++) {
                int first = batch * 1_000;
                bench.insertMany(IntStream.range(first, first + 1_000)
                        .mapToObj(i -> new Document("_id", "p" + i).append("title", "Bulk " + i)
                                .append("ownerOrganisationId", owner).append("visibility", "COUNTY"))
                        .toList());
            }
            double perSecond = count / ((System.nanoTime() - start) / 1e9);
            client.getDatabase("benchmark").drop();
            return perSecond;
        }
    }

    /** Registers {@code total} more projects straight at project-service from 4 clients: the portfolio the reads and the rebuild work on. */
    private void registerUntil(String direct, int total) throws Exception {
        AtomicInteger n = new AtomicInteger();
        inParallel(4, () -> {
            for (int next = n.incrementAndGet(); next <= total; next = n.incrementAndGet()) {
                send(direct, "POST", "/api/projects", project("portfolio " + next));
            }
            return null;
        });
    }

    /**
     * How fast the relay empties an outbox: with the broker stopped, registrations are stored until their events
     * waiting reach {@code count}; project-service is stopped, the broker started again, then project-service, whose
     * relay finds them by sweeping its collection, as after a crash. The rate is read from the records themselves: the
     * time the relay sent each (the producer's timestamp), over the middle four fifths of them, so that neither the
     * service's start nor the last batch's wait counts, and no look at the topic's end from outside (which waited
     * seconds for the restarted broker at times) decides it. (Restarting only the broker measured the producer instead:
     * what the relay had sent while the broker was down waited in the producer's buffer and went out in one burst when
     * it came back.) The parts named {@code stopped} stay stopped until then, so that the relay has the cores and the
     * store to itself; the consumers among them catch up when they are back.
     */
    private double relayEventsPerSecond(String direct, int count, List<String> stopped) throws Exception {
        Map<TopicPartition, Long> before = partitionEnds(ProjectContracts.PROJECTS);
        long total = before.values().stream().mapToLong(Long::longValue).sum();
        stopped.forEach(platform::stop);
        try {
            platform.stop(RuntimeSettings.KAFKA);
            long waiting = 0;
            try {
                while (waiting < count) {
                    HttpResponse<String> registered = send(direct, "POST", "/api/projects", project("relay " + waiting));
                    if (registered.statusCode() == 201) {
                        waiting += eventsOf(registered);
                    }
                }
            } finally {
                platform.stop(PROJECT_SERVICE);
                platform.restart(RuntimeSettings.KAFKA);
            }
            platform.restart(PROJECT_SERVICE);
            long events = waiting;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> endOffsets(ProjectContracts.PROJECTS) >= total + events);
            List<Long> sent = sentTimes(before);
            long from = sent.get(sent.size() / 10);
            long to = sent.get(sent.size() - 1 - sent.size() / 10);
            return (sent.size() - 2 * (sent.size() / 10) - 1) / Math.max((to - from) / 1000.0, 0.001);
        } finally {
            for (String component : stopped) {
                platform.restart(component);
            }
        }
    }

    /**
     * The events a new aggregate's registration recorded: its version, which counts them (a registration is also
     * assessed, two events). Counting registrations instead, the harness stopped waiting halfway through a backlog
     * and the next row counted the rest as its own.
     */
    private static long eventsOf(HttpResponse<String> created) {
        return Long.parseLong(created.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    /** When the producer sent each record after {@code from}, in order. */
    private List<Long> sentTimes(Map<TopicPartition, Long> from) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        List<Long> times = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            while (from.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> times.add(record.timestamp()));
            }
        }
        Collections.sort(times);
        return times;
    }

    private Map<TopicPartition, Long> partitionEnds(String topic) throws Exception {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private double rebuildEventsPerSecond(String gateway) throws Exception {
        String id = JSON.readTree(send(gateway, "POST", "/api/reports/rebuilds", null).body()).path("id").asString();
        JsonNode rebuild = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(send(gateway, "GET", "/api/reports/rebuilds/" + id, null).body()),
                        state -> !state.path("state").asString().equals("RUNNING"));
        if (!rebuild.path("state").asString().equals("COMPLETED")) {
            throw new IllegalStateException("the rebuild did not complete: " + rebuild);
        }
        return rebuild.path("eventsPerSecond").asDouble();
    }

    /** Kafka's own producer benchmark on the same broker, to a topic of its own: records per second. */
    private double producerPerformance(int records) {
        String out = captured(() -> ProducerPerformance.main(new String[] {
                "--topic", "benchmark.producer", "--num-records", String.valueOf(records), "--record-size", "512",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap(), "acks=all"}));
        // The last line sums it up: "200000 records sent, 41806.0 records/sec (20.41 MB/sec), ..."
        String summary = out.lines().filter(line -> line.contains("records sent")).reduce((a, b) -> b).orElseThrow(
                () -> new IllegalStateException("ProducerPerformance said: " + out));
        return Double.parseDouble(summary.replaceAll(".*records sent, ([0-9.]+) records/sec.*", "$1"));
    }

    /** Kafka's own consumer benchmark on the same broker and topic, from its beginning: records per second. */
    private double consumerPerformance(String topic, long messages) {
        String out = captured(() -> ConsumerPerformance.main(new String[] {
                "--bootstrap-server", bootstrap(), "--topic", topic, "--messages", String.valueOf(messages),
                "--group", "benchmark-" + System.nanoTime()}));
        // A header line, then its values; fetch.nMsg.sec leaves the group's joining out, as the rebuild's rate does.
        List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
        int header = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("fetch.nMsg.sec")).findFirst()
                .orElseThrow(() -> new IllegalStateException("ConsumerPerformance said: " + out));
        List<String> names = List.of(lines.get(header).split(",\\s*"));
        String[] values = lines.get(header + 1).split(",\\s*");
        return Double.parseDouble(values[names.indexOf("fetch.nMsg.sec")].trim());
    }

    /** What a tool printed on standard out while it ran; a tool that would end the JVM fails instead. */
    private static String captured(ThrowingRunnable tool) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the tool gave up (" + status + "): " + message);
        });
        try {
            tool.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            Exit.resetExitProcedure();
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The records on the three topics the consumer group has not yet committed. */
    private long unconsumed(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            List<String> topics = List.of(ProjectContracts.PROJECTS, PartnershipContracts.ORGANISATIONS,
                    PartnershipContracts.PARTNERSHIPS);
            long ends = 0;
            for (String topic : topics) {
                ends += endOffsets(topic);
            }
            return ends - committed.entrySet().stream()
                    .filter(partition -> topics.contains(partition.getKey().topic()) && partition.getValue() != null)
                    .mapToLong(partition -> partition.getValue().offset()).sum();
        }
    }

    private long endOffsets(String topic) throws Exception {
        return partitionEnds(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return Admin.create(config);
    }

    private String bootstrap() {
        return platform.settings().kafkaBootstrapServers();
    }

    private Map<String, String> project(String title) {
        return Map.of("title", title, "ownerOrganisationId", owner, "visibility", "COUNTY");
    }

    private HttpResponse<String> send(String base, String method, String path, Object body)
            throws IOException, InterruptedException {
        return JsonRequests.send(http, base + path, token, method, body, Duration.ofSeconds(10));
    }
}
