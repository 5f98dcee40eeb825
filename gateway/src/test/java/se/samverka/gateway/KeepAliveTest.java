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

/** A keep-alive connection goes on answering whatever came on it before. */
class KeepAliveTest extends GatewayTest {

    private static final int ROUNDS = 1_000;

    /**
     * After a refusal before anything read the request (an address the firewall refuses, a token that is no token):
     * answered at once, now and then the next request on the connection got no answer at all; a few hundred refusals
     * in a row made that all but certain.
     */
    @Test
    void theNextRequestAfterARefusalIsAnswered() throws IOException {
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

    /**
     * A request that comes while the one before is still ending waits, and is taken up when that one ends; answered
     * at once then, the connection was no longer read (Reactor Netty before 1.3.8), and whatever the client sent next
     * went unanswered. Sending two requests together makes the second come early every time; a client that sends its
     * next request the moment it has read an answer makes it come early now and then.
     */
    @Test
    void aRequestAfterOneThatCameEarlyIsAnswered() throws IOException {
        String health = "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String signedIn = "GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer(TestTokens.admin())
                + "\r\n\r\n";
        for (int round = 0; round < 50; round++) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write((health + signedIn).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThat(answer(socket.getInputStream())).as("round %d", round).isEqualTo(200);
                assertThat(answer(socket.getInputStream())).as("round %d", round).isEqualTo(200);
                assertThat(exchange(socket, health)).as("round %d", round).isEqualTo(200);
            }
        }
    }

    /** Sends a request and reads its whole answer; the status. */
    private static int exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return answer(socket.getInputStream());
    }

    /** Reads one whole answer; its status. */
    private static int answer(InputStream in) throws IOException {
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
