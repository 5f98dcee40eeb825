package se.samverka.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A caller's open live stream of project events at one instance, its lines as they come. */
final class LiveStream implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reading;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reading = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
    }

    static LiveStream open(int port, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/subscriptions/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).join();
        assertThat(response.statusCode()).isEqualTo(200);
        return new LiveStream(response);
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Every line so far. */
    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        reading.cancel(true);
        response.body().close();
    }
}
