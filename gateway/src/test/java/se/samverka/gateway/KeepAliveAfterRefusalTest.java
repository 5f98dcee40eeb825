package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.samverka.platform.test.TestTokens;

/**
 * A connection on which the gateway refused a request before reading it (an address its firewall refuses, a token
 * that is no token) goes on answering. Answered at once, now and then the next request on the connection got no
 * answer at all; a few hundred refusals in a row made that all but certain.
 */
class KeepAliveAfterRefusalTest extends GatewayTest {

    private static final int ROUNDS = 1_000;

    @Test
    void theNextRequestOnTheConnectionIsAnswered() throws IOException {
        String signedIn = "GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer(TestTokens.admin())
                + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(exchange(socket, "GET /api/projects/.. HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                        .as("round %d", round).isEqualTo(400);
                assertThat(exchange(socket, signedIn)).as("round %d", round).isEqualTo(200);
                assertThat(exchange(socket, "GET /api/projects/5 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer not-a-jwt\r\n\r\n")).as("round %d", round).isEqualTo(401);
                assertThat(exchange(socket, signedIn)).as("round %d", round).isEqualTo(200);
            }
        }
    }

    /** Sends a request and reads its whole answer; the status. */
    private static int exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        String head = head(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return Integer.parseInt(head.substring(9, 12));
    }

    /** The status line and headers, up to the empty line that ends them. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The gateway closed the connection");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
