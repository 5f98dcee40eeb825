package se.samverka.platform.runtime;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded runtime's trace collector, in the launcher: receives the applications' spans by OpenTelemetry's
 * protocol (OTLP over HTTP, protobuf, at {@code /v1/traces}) and hands them to the trace store in Zipkin's format, as
 * the OpenTelemetry Collector does under compose (ADR 0029). Traces are for looking, not for keeping: when the store
 * does not answer, the spans are dropped, and counted.
 */
final class TraceCollector implements AutoCloseable {

    static final String PATH = "/v1/traces";
    /** An exporter sends at most 512 spans at once; a request far larger than that is no exporter's. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI store;
    private final AtomicLong dropped = new AtomicLong();

    private TraceCollector(HttpServer server, ExecutorService handlers, URI store) {
        this.server = server;
        this.handlers = handlers;
        this.store = store;
    }

    /** Listens on the loopback port and forwards to the Zipkin server at {@code storeUrl}. */
    static TraceCollector start(int port, String storeUrl) throws StartupException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new StartupException("The trace collector cannot listen on port " + port + ": " + e.getMessage()
                    + ". Choose another: " + RuntimeSettings.portVariable(RuntimeSettings.TRACE_COLLECTOR) + "="
                    + (port + 100) + " ./samverka run, or turn traces off: SAMVERKA_TRACES=false ./samverka run");
        }
        // One thread: the applications export in the background every few seconds, and this keeps the launcher small.
        ExecutorService handlers = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "trace-collector");
            thread.setDaemon(true);
            return thread;
        });
        TraceCollector collector = new TraceCollector(server, handlers, URI.create(storeUrl + "/api/v2/spans"));
        server.createContext(PATH, collector::handle);
        server.setExecutor(handlers);
        server.start();
        return collector;
    }

    /** Spans that could not be handed to the store. */
    long dropped() {
        return dropped.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                answer(exchange, 405);
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/x-protobuf")) {
                answer(exchange, 415);
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (body.length > MAX_REQUEST_BYTES) {
                answer(exchange, 413);
                return;
            }
            List<Map<String, Object>> spans;
            try {
                spans = zipkinSpans(ExportTraceServiceRequest.parseFrom(body));
            } catch (InvalidProtocolBufferException e) {
                answer(exchange, 400);
                return;
            }
            forward(spans);
            // An empty ExportTraceServiceResponse: everything was accepted.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            answer(exchange, 200);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private void forward(List<Map<String, Object>> spans) {
        if (spans.isEmpty()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(store).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(spans))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() / 100 != 2) {
                dropped.addAndGet(spans.size());
            }
        });
    }

    /** The request's spans as Zipkin's API v2 takes them, each named by the service that sent it. */
    static List<Map<String, Object>> zipkinSpans(ExportTraceServiceRequest request) {
        List<Map<String, Object>> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, String> endpoint = Map.of("serviceName", serviceName(resourceSpans.getResource()));
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(zipkinSpan(span, endpoint));
                }
            }
        }
        return spans;
    }

    private static Map<String, Object> zipkinSpan(Span span, Map<String, String> endpoint) {
        Map<String, Object> zipkin = new LinkedHashMap<>();
        zipkin.put("traceId", hex(span.getTraceId()));
        zipkin.put("id", hex(span.getSpanId()));
        if (!span.getParentSpanId().isEmpty()) {
            zipkin.put("parentId", hex(span.getParentSpanId()));
        }
        zipkin.put("name", span.getName());
        String kind = kind(span.getKind());
        if (kind != null) {
            zipkin.put("kind", kind);
        }
        long startMicros = span.getStartTimeUnixNano() / 1000;
        zipkin.put("timestamp", startMicros);
        // Zipkin reads a duration of 0 as unknown.
        zipkin.put("duration", Math.max(1, span.getEndTimeUnixNano() / 1000 - startMicros));
        zipkin.put("localEndpoint", endpoint);
        Map<String, String> tags = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            tags.put(attribute.getKey(), text(attribute.getValue()));
        }
        if (span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
            String message = span.getStatus().getMessage();
            tags.put("error", message.isEmpty() ? "true" : message);
        }
        if (!tags.isEmpty()) {
            zipkin.put("tags", tags);
        }
        return zipkin;
    }

    private static String serviceName(Resource resource) {
        return resource.getAttributesList().stream().filter(attribute -> attribute.getKey().equals("service.name"))
                .map(attribute -> text(attribute.getValue())).findFirst().orElse("unknown");
    }

    private static String kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> "SERVER";
            case SPAN_KIND_CLIENT -> "CLIENT";
            case SPAN_KIND_PRODUCER -> "PRODUCER";
            case SPAN_KIND_CONSUMER -> "CONSUMER";
            default -> null;
        };
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().trim();
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
