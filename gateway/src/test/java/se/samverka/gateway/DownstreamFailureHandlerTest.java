package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** How a failure on the way to a service is answered; {@link GatewayRoutingTest} has them over real HTTP. */
class DownstreamFailureHandlerTest {

    @Test
    void aServiceGoneInTheMiddleOfARequestIs502HoweverTheConnectionEnded() {
        // Reset by the killed service's kernel, an IOException however deep it lies (Netty's own, with its native
        // library, is not made here: touched before the epoll transport loads it, it breaks that transport in this
        // JVM). Closed before the answer: GatewayRoutingTest, over real HTTP.
        assertThat(DownstreamFailureHandler.statusFor(new IOException("Connection reset by peer")))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(DownstreamFailureHandler.statusFor(new IllegalStateException(new IOException("reset"))))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void aServiceDownOrSlowIs503Or504AndAnythingElseIsNotADownstreamFailure() {
        assertThat(DownstreamFailureHandler.statusFor(new ConnectException("refused")))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(DownstreamFailureHandler.statusFor(new TimeoutException())).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(DownstreamFailureHandler.statusFor(new IllegalArgumentException("a bug"))).isNull();
    }
}
