package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import se.samverka.platform.test.TestTokens;

/** Bodies over the limit (1 MB by default) are refused with 413, whether they say their length or not. */
class RequestSizeTest extends GatewayTest {

    private static final int MB = 1024 * 1024;

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimit() {
        http.post().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(MB + 1)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Request too large");
        assertThat(PROJECT.received()).isEmpty();
    }

    @Test
    void refusesAStreamedBodyThatGrowsOverTheLimit() {
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[100 * 1024]));
        http.post().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void letsABodyUnderTheLimitThrough() {
        PROJECT.answer("/api/projects", 201, "{\"id\":\"p9\"}");
        http.post().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(MB - 100)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo("p9");
        assertThat(PROJECT.received("/api/projects")).singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
    }

    private static String json(int size) {
        char[] filler = new char[size - 8];
        Arrays.fill(filler, 'x');
        String body = "{\"a\":\"" + new String(filler) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return body;
    }
}
