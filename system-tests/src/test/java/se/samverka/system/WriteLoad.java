package se.samverka.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady write load through the gateway, as people would make it: writes that arrive at a fixed rate, whatever
 * the platform does with them (up to a number under way at once), each registering a project owned by one
 * organisation or, every tenth, an organisation. An answer 201 is an acknowledged write, with the id it names;
 * anything else, a broken connection or a time-out included, is not acknowledged (the write may still have
 * happened, so it is neither lost nor a phantom when it turns up). Where the platform runs more than one gateway, the
 * writes take turns over them, and a write whose connection a gateway refuses goes to the next, as a load balancer in
 * front of them would send it.
 */
final class WriteLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<String> gateways;
    private final AtomicInteger turn = new AtomicInteger();
    private final String token;
    private final String tag;
    private final String owner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService writers;
    private final Semaphore underWay;
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger attempts = new AtomicInteger();
    private final Set<String> projects = ConcurrentHashMap.newKeySet();
    private final Set<String> organisations = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    /**
     * @param tag   begins the name of everything the load writes, so that its writes can be told from all others
     * @param owner the organisation that owns the projects
     */
    WriteLoad(List<String> gateways, String token, String tag, String owner, int perSecond, int underWay) {
        this.gateways = List.copyOf(gateways);
        this.token = token;
        this.tag = tag;
        this.owner = owner;
        this.writers = Executors.newFixedThreadPool(underWay);
        this.underWay = new Semaphore(underWay);
        arrivals.scheduleAtFixedRate(this::arrive, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** One write arrives; when as many as may be are still under way, it is not made (and not counted). */
    private void arrive() {
        if (writing.get() && underWay.tryAcquire()) {
            int n = attempts.getAndIncrement();
            writers.submit(() -> {
                try {
                    write(n);
                } finally {
                    underWay.release();
                }
            });
        }
    }

    private void write(int n) {
        String name = tag + " " + n;
        if (n % 10 == 9) {
            post("/api/organisations", Map.of("name", name, "type", "COMPANY", "country", "SE"), organisations);
        } else {
            post("/api/projects", Map.of("title", name, "ownerOrganisationId", owner, "visibility", "COUNTY"),
                    projects);
        }
    }

    private void post(String path, Map<String, String> body, Set<String> acknowledged) {
        try {
            HttpResponse<String> response = send(path, JSON.writeValueAsString(body), gateways.size());
            if (response.statusCode() == 201) {
                acknowledged.add(JSON.readTree(response.body()).path("id").asString());
            } else {
                refused(String.valueOf(response.statusCode()));
            }
        } catch (IOException e) {
            refused("no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The write at the gateway whose turn it is; at the next when that one refuses the connection (nothing sent). */
    private HttpResponse<String> send(String path, String body, int triesLeft) throws IOException, InterruptedException {
        String gateway = gateways.get(Math.floorMod(turn.getAndIncrement(), gateways.size()));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            if (triesLeft <= 1) {
                throw refused;
            }
            return send(path, body, triesLeft - 1);
        }
    }

    private void refused(String why) {
        refusals.computeIfAbsent(why, key -> new AtomicInteger()).incrementAndGet();
    }

    String tag() {
        return tag;
    }

    String owner() {
        return owner;
    }

    int attempts() {
        return attempts.get();
    }

    int acknowledged() {
        return projects.size() + organisations.size();
    }

    /** Projects whose registration was acknowledged, by id. */
    Set<String> projects() {
        return Set.copyOf(projects);
    }

    /** Organisations whose registration was acknowledged, by id. */
    Set<String> organisations() {
        return Set.copyOf(organisations);
    }

    /** Writes not acknowledged, by status or "no answer". */
    Map<String, Integer> refusals() {
        Map<String, Integer> counts = new TreeMap<>();
        refusals.forEach((why, count) -> counts.put(why, count.get()));
        return counts;
    }

    /** Stops the arrivals and waits for the writes under way. */
    @Override
    public void close() {
        writing.set(false);
        arrivals.shutdownNow();
        writers.shutdown();
        try {
            if (!writers.awaitTermination(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writers.shutdownNow();
        }
    }
}
