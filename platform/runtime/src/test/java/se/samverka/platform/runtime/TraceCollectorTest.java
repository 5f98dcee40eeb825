package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TraceCollectorTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";
    private static final String SPAN = "b7ad6b7169203331";

    @Test
    void aSpanKeepsItsTraceItsParentAndItsServiceInZipkinsFormat() {
        List<Map<String, Object>> spans = TraceCollector.zipkinSpans(request());

        assertThat(spans).singleElement().satisfies(span -> assertThat(span)
                .containsEntry("traceId", TRACE_ID)
                .containsEntry("id", SPAN)
                .containsEntry("parentId", PARENT)
                .containsEntry("name", "publish se.samverka.project.registered")
                .containsEntry("kind", "PRODUCER")
                .containsEntry("timestamp", 1_700_000_000_000_000L)
                .containsEntry("duration", 2_500L)
                .containsEntry("localEndpoint", Map.of("serviceName", "project-service"))
                .containsEntry("tags", Map.of("messaging.destination.name", "samverka.projects",
                        "error", "the broker did not answer")));
    }

    @Test
    void theSpansSentByOpenTelemetrysProtocolReachTheTraceStore() throws Exception {
        List<String> stored = new CopyOnWriteArrayList<>();
        HttpServer store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/api/v2/spans", exchange -> {
            stored.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        store.start();
        int port = freePort();
        try (TraceCollector collector = TraceCollector.start(port,
                "http://127.0.0.1:" + store.getAddress().getPort())) {
            URI spans = URI.create("http://127.0.0.1:" + port + TraceCollector.PATH);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<byte[]> accepted = http.send(HttpRequest.newBuilder(spans)
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request().toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(accepted.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stored.isEmpty());
            assertThat(stored.get(0)).contains("\"traceId\":\"" + TRACE_ID + "\"", "\"serviceName\":\"project-service\"");

            assertThat(http.send(HttpRequest.newBuilder(spans).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).as("only protobuf, what the applications' exporter sends").isEqualTo(415);
            assertThat(http.send(HttpRequest.newBuilder(spans).header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofString("no protobuf")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
            assertThat(http.send(HttpRequest.newBuilder(spans).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(405);
            assertThat(collector.dropped()).isZero();
        } finally {
            store.stop(0);
        }
    }

    private static ExportTraceServiceRequest request() {
        HexFormat hex = HexFormat.of();
        Span span = Span.newBuilder()
                .setTraceId(ByteString.copyFrom(hex.parseHex(TRACE_ID)))
                .setSpanId(ByteString.copyFrom(hex.parseHex(SPAN)))
                .setParentSpanId(ByteString.copyFrom(hex.parseHex(PARENT)))
                .setName("publish se.samverka.project.registered")
                .setKind(Span.SpanKind.SPAN_KIND_PRODUCER)
                .setStartTimeUnixNano(1_700_000_000_000_000_000L)
                .setEndTimeUnixNano(1_700_000_000_002_500_000L)
                .addAttributes(attribute("messaging.destination.name", "samverka.projects"))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)
                        .setMessage("the broker did not answer"))
                .build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "project-service")))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
