package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads demo data through the gateway's public API, as a user would, so that it produces events like any other
 * data. The data is a list of requests ({@code demo/*.json}); a request may name its result ({@code key}) and later
 * requests refer to its id as {@code ${key}} and send its current ETag with {@code "ifMatch": "key"}. A request that
 * adds a part to something (an indicator to a project) names the part's id in the answer with {@code "idAt"}, a JSON
 * pointer. A date written {@code ${today+30}} (or {@code ${today-20}}, {@code ${today}}) is that many days from the day it
 * is loaded, so that deadlines and agreements come due in the demo whenever it is started. A request a service refuses
 * with 422 because it has not yet learnt of something just created elsewhere is tried again. Requests go a few at a
 * time, each once those it depends on are answered ({@link #after}), so each thing's requests keep the data's order.
 */
public final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "[a-z0-9-]+";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(" + KEY + ")}");
    private static final Pattern DAY = Pattern.compile("\\$\\{today([+-][0-9]+)?}");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Requests under way at once: enough to keep two cores busy, few enough to stay within the rate limit. */
    private static final int AT_ONCE = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    private DemoData(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /**
     * What was loaded.
     *
     * @param requests how many requests were made
     * @param ids      the ids of what was created, by the data's keys
     */
    public record Loaded(int requests, Map<String, String> ids) {
    }

    /**
     * @param resource e.g. {@code demo/ostersund.json}
     * @param token    an access token of the coordinator, who loads it
     */
    public static Loaded load(String gateway, String resource, String token) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no demo data at " + resource);
            }
            List<JsonNode> steps = new ArrayList<>();
            JSON.readTree(in).path("steps").forEach(steps::add);
            DemoData demo = new DemoData(gateway, token);
            demo.sendAll(steps);
            return new Loaded(steps.size(), Map.copyOf(demo.ids));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends each step once the steps it depends on are answered; the first failure ends the load. */
    private void sendAll(List<JsonNode> steps) {
        List<Set<Integer>> after = after(steps);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                CompletableFuture<?>[] before = after.get(i).stream().map(sent::get).toArray(CompletableFuture[]::new);
                sent.add(CompletableFuture.allOf(before).thenRunAsync(() -> send(step), pool));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * For each step, the earlier steps it must wait for: the last before it that changed something it names (made
     * it, or was sent to it), and the last before it that named the thing it is sent to (the first key in its path,
     * or the key it makes). So a project's steps keep their order, and a partnership is not moved on before the
     * projects named with it are made; steps about different things go side by side.
     */
    static List<Set<Integer>> after(List<JsonNode> steps) {
        Map<String, Integer> lastChange = new HashMap<>();
        Map<String, Integer> lastMention = new HashMap<>();
        List<Set<Integer>> after = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            List<String> inPath = references(step.path("path").asString());
            Set<String> named = new LinkedHashSet<>(inPath);
            named.addAll(references(step.has("body") ? step.path("body").toString() : ""));
            if (step.has("ifMatch")) {
                named.add(step.path("ifMatch").asString());
            }
            String made = step.path("key").asString(null);
            String subject = inPath.isEmpty() ? made : inPath.get(0);
            Set<Integer> before = new LinkedHashSet<>();
            named.stream().map(lastChange::get).filter(Objects::nonNull).forEach(before::add);
            if (subject != null && lastMention.containsKey(subject)) {
                before.add(lastMention.get(subject));
            }
            after.add(before);
            Integer index = i;
            if (subject != null) {
                lastChange.put(subject, index);
                lastMention.put(subject, index);
            }
            if (made != null) {
                lastChange.put(made, index);
            }
            named.forEach(key -> lastMention.put(key, index));
        }
        return after;
    }

    /** The keys a text refers to, in order, once its days are written out. */
    private static List<String> references(String text) {
        Matcher matcher = REFERENCE.matcher(days(text, LocalDate.now(ZoneOffset.UTC)));
        List<String> keys = new ArrayList<>();
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private void send(JsonNode step) {
        if (step.has("key") && !step.path("key").asString().matches(KEY)) {
            throw new IllegalStateException("demo data key '" + step.path("key").asString() + "' is not " + KEY);
        }
        String method = step.path("method").asString();
        String path = resolve(step.path("path").asString());
        String body = step.has("body") ? resolve(step.path("body").toString()) : null;
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            HttpResponse<String> response = request(method, path, body, step.path("ifMatch").asString(null));
            int status = response.statusCode();
            if (status / 100 == 2) {
                remember(step, response);
                return;
            }
            if (status != 422 || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + response.body());
            }
            pause();
        }
    }

    private HttpResponse<String> request(String method, String path, String body, String ifMatchKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        if (ifMatchKey != null) {
            request.header("If-Match", etags.get(ifMatchKey));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void remember(JsonNode step, HttpResponse<String> response) {
        String versioned = step.has("ifMatch") ? step.path("ifMatch").asString() : step.path("key").asString(null);
        if (step.has("key")) {
            String id = JSON.readTree(response.body()).at(step.path("idAt").asString("/id")).asString(null);
            if (id == null) {
                throw new IllegalStateException("no id at " + step.path("idAt").asString("/id") + " in " + response.body());
            }
            ids.put(step.path("key").asString(), id);
        }
        if (versioned != null) {
            response.headers().firstValue("ETag").ifPresent(etag -> etags.put(versioned, etag));
        }
    }

    /** Every {@code ${today±N}} in the text as the date that many days from {@code today}. */
    static String days(String text, LocalDate today) {
        Matcher matcher = DAY.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            long offset = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
            matcher.appendReplacement(resolved, today.plusDays(offset).toString());
        }
        return matcher.appendTail(resolved).toString();
    }

    private String resolve(String text) {
        // The services count days in UTC: so does the demo, wherever it is loaded.
        Matcher matcher = REFERENCE.matcher(days(text, LocalDate.now(ZoneOffset.UTC)));
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(matcher.group(1));
            if (id == null) {
                throw new IllegalStateException("demo data refers to '" + matcher.group(1) + "' before creating it");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(id));
        }
        return matcher.appendTail(resolved).toString();
    }

    /** The other service learns of what was just created within moments; a pause of a fifth of a second will do. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
