package se.samverka.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service over real HTTP: answers what a test set for an address (path, or path with query), else says who it is
 * and what it was asked; remembers every request with its Authorization, Cookie, If-Match and Accept-Language headers.
 */
public final class StubService {

    /** What a request came with. */
    public record Received(String method, String uri, String authorization, String cookie, String body, String ifMatch,
                           String acceptLanguage) {
    }

    private record Canned(int status, String body, boolean hang, boolean breakOff) {
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch release = new CountDownLatch(1);

    public StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public StubService answer(String address, int status, String json) {
        answers.put(address, new Canned(status, json, false, false));
        return this;
    }

    /** Answers only requests of this method: a PUT refused where a GET of the same address is answered. */
    public StubService answer(String method, String address, int status, String json) {
        return answer(method + " " + address, status, json);
    }

    /** Never answers (until {@link #reset()}): a service too slow for any timeout. */
    public StubService hang(String address) {
        answers.put(address, new Canned(200, "{}", true, false));
        return this;
    }

    /** Closes the connection without an answer: a service killed while it worked on the request. */
    public StubService breakOff(String address) {
        answers.put(address, new Canned(200, "{}", false, true));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String uri) {
        return received.stream().filter(request -> request.uri().equals(uri)).toList();
    }

    public void reset() {
        answers.clear();
        received.clear();
        release.countDown();
        release = new CountDownLatch(1);
    }

    public void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), uri,
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Cookie"),
                body, exchange.getRequestHeaders().getFirst("If-Match"),
                exchange.getRequestHeaders().getFirst("Accept-Language")));
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Canned canned = answers.getOrDefault(method + " " + uri, answers.getOrDefault(method + " " + path,
                answers.getOrDefault(uri, answers.get(path))));
        if (canned != null && canned.hang()) {
            CountDownLatch waitFor = release;
            try {
                waitFor.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (canned != null && canned.breakOff()) {
            // Closed before any answer began, the exchange takes its connection with it.
            exchange.close();
            return;
        }
        String answer = canned != null ? canned.body()
                : "{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"body\":\"%s\"}".formatted(name,
                        exchange.getRequestMethod(), uri, body.replace("\\", "\\\\").replace("\"", "\\\""));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                canned != null && canned.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(canned == null ? 200 : canned.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
