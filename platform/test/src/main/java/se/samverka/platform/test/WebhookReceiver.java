package se.samverka.platform.test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on 127.0.0.1: answers the validation handshake (unless told to refuse), records every delivery
 * and answers each path with the answers it was given, in turn, then 200; a slow path answers each delivery only
 * after its delay, without holding a thread meanwhile.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived. */
    public record Received(String path, Headers headers, String body, long atNanos) {
    }

    /** What to answer: a status and, for 429/503, a Retry-After (or null). */
    public record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refusing = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                String origin = exchange.getRequestHeaders().getFirst("WebHook-Request-Origin");
                if (refusing.containsKey(path) || origin == null) {
                    exchange.sendResponseHeaders(403, -1);
                } else {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", origin);
                    exchange.sendResponseHeaders(200, -1);
                }
                exchange.close();
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(path, exchange.getRequestHeaders(), body, System.nanoTime()));
            Answer answer = answers.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
            if (answer == null) {
                answer = new Answer(200, null);
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            Answer given = answer;
            Duration delay = delays.get(path);
            if (delay == null) {
                respond(exchange, given);
            } else {
                later.schedule(() -> respond(exchange, given), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        server.start();
    }

    private static void respond(HttpExchange exchange, Answer answer) {
        try {
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (IOException e) {
            // The sender gave up waiting: to it, this delivery failed, as it would with any slow receiver.
        } finally {
            exchange.close();
        }
    }

    /** A sink URL on this receiver, by the allowlisted name localhost. */
    public String sink(String path) {
        return "http://localhost:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(String path, Answer... next) {
        answers.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(next));
    }

    /** Answers every delivery to the path only this long after it arrived. */
    public void slow(String path, Duration delay) {
        delays.put(path, delay);
    }

    public void refuseHandshake(String path) {
        refusing.put(path, true);
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        later.shutdownNow();
        server.stop(0);
    }
}
