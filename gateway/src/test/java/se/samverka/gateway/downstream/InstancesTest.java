package se.samverka.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The choice of an instance alone, with a clock the test moves. */
class InstancesTest {

    private static final URI FIRST = URI.create("http://localhost:8082");
    private static final URI SECOND = URI.create("http://localhost:8182");

    private final MovingClock clock = new MovingClock();
    private final ServiceAddresses addresses = new ServiceAddresses("http://localhost:8081",
            "http://localhost:8082, http://localhost:8182/", "http://localhost:8083", "http://localhost:8084",
            "http://localhost:9000");
    private final Instances instances = new Instances(addresses, Duration.ofSeconds(5), clock);

    @Test
    void theInstancesTakeTurns() {
        assertThat(chosen(Service.PROJECT, 4)).containsExactly(FIRST, SECOND, FIRST, SECOND);
        assertThat(instances.count(Service.PROJECT)).isEqualTo(2);
        assertThat(chosen(Service.PARTNERSHIP, 2)).containsOnly(URI.create("http://localhost:8081"));
    }

    @Test
    void anInstanceThatRefusedIsPassedByUntilItsRestIsOver() {
        instances.refused(Service.PROJECT, FIRST);

        assertThat(chosen(Service.PROJECT, 3)).containsOnly(SECOND);
        clock.move(Duration.ofSeconds(5));
        assertThat(chosen(Service.PROJECT, 4)).containsExactlyInAnyOrder(FIRST, SECOND, FIRST, SECOND);
    }

    @Test
    void whenEveryInstanceRestsEachIsTriedAsBefore() {
        instances.refused(Service.PROJECT, FIRST);
        instances.refused(Service.PROJECT, SECOND);

        assertThat(chosen(Service.PROJECT, 4)).containsExactly(FIRST, SECOND, FIRST, SECOND);
    }

    @Test
    void aCallRefusedAtOneInstanceIsMadeAtTheNextAndOnlyThen() {
        List<URI> called = new ArrayList<>();
        String answer = instances.call(Service.PROJECT, instance -> {
            called.add(instance);
            return instance.equals(FIRST) ? Mono.<String>error(new ConnectException("refused"))
                    : Mono.just("answered at " + instance.getPort());
        }).block();

        assertThat(answer).isEqualTo("answered at 8182");
        assertThat(called).containsExactly(FIRST, SECOND);
        assertThat(chosen(Service.PROJECT, 2)).as("the refusing instance rests").containsOnly(SECOND);

        called.clear();
        assertThatThrownBy(() -> instances.call(Service.PROJECT, instance -> {
            called.add(instance);
            return Mono.error(new TimeoutException("no answer"));
        }).block()).hasCauseInstanceOf(TimeoutException.class);
        assertThat(called).as("a call that may have been made is not made again").hasSize(1);
    }

    @Test
    void aRefusedCallGoesOnToTheNextInstanceWhateverTurnsOtherCallsTookMeanwhile() {
        Instances restless = new Instances(addresses, Duration.ZERO, clock);
        List<URI> called = new ArrayList<>();
        String answer = restless.call(Service.PROJECT, instance -> {
            called.add(instance);
            if (instance.equals(FIRST)) {
                assertThat(restless.choose(Service.PROJECT)).as("another call's turn, meanwhile").isEqualTo(SECOND);
                return Mono.<String>error(new ConnectException("refused"));
            }
            return Mono.just("answered at " + instance.getPort());
        }).block();

        assertThat(answer).isEqualTo("answered at 8182");
        assertThat(called).containsExactly(FIRST, SECOND);
    }

    @Test
    void whenEveryInstanceRefusesTheCallFailsAfterTryingEachOnce() {
        List<URI> called = new ArrayList<>();
        assertThatThrownBy(() -> instances.call(Service.PROJECT, instance -> {
            called.add(instance);
            return Mono.error(new ConnectException("refused"));
        }).block()).hasCauseInstanceOf(ConnectException.class);
        assertThat(called).containsExactlyInAnyOrder(FIRST, SECOND);
    }

    @Test
    void onlyARefusedConnectionMayBeTriedElsewhere() {
        assertThat(Instances.refusedConnection(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(Instances.refusedConnection(new UnknownHostException("project-service-2"))).isTrue();
        assertThat(Instances.refusedConnection(new TimeoutException())).isFalse();
        assertThat(Instances.refusedConnection(new IllegalStateException("answered 500"))).isFalse();
    }

    private List<URI> chosen(Service service, int times) {
        List<URI> chosen = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            chosen.add(instances.choose(service));
        }
        return chosen;
    }

    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-12-05T12:00:00Z");

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
