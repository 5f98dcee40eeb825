package se.samverka.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SharedReadingTest {

    private final SharedReading<Integer, String> sharing = new SharedReading<>();
    private final AtomicInteger readings = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void whoAsksWhileAReadingIsUnderWayGetsWhatItRead() throws Exception {
        CompletableFuture<String> first = asking(() -> sharing.read(1, () -> {
            readings.incrementAndGet();
            awaitRelease();
            return "entries";
        }));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> readings.get() == 1);
        CompletableFuture<String> second = askingWhileTheFirstReads(() -> sharing.read(1, this::readAgain));

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("entries");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("entries");
        assertThat(readings).hasValue(1);
    }

    @Test
    void aReadingDoneIsNotKeptAndAnotherKeyIsReadOnItsOwn() {
        assertThat(sharing.read(1, this::readAgain)).isEqualTo("read 1");
        assertThat(sharing.read(1, this::readAgain)).isEqualTo("read 2");
        assertThat(sharing.read(2, this::readAgain)).isEqualTo("read 3");
    }

    @Test
    void whoSharedAFailedReadingGetsItsFailureAndTheNextReadsAnew() throws Exception {
        CompletableFuture<String> first = asking(() -> failed(() -> sharing.read(1, () -> {
            readings.incrementAndGet();
            awaitRelease();
            throw new IllegalStateException("store down");
        })));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> readings.get() == 1);
        CompletableFuture<String> second = askingWhileTheFirstReads(() -> failed(() -> sharing.read(1, this::readAgain)));

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("failed: store down");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("failed: store down");
        assertThat(sharing.read(1, this::readAgain)).isEqualTo("read 2");
    }

    /** Asks on a thread of its own, and lets the first reading finish once this one waits for it (or is done). */
    private CompletableFuture<String> askingWhileTheFirstReads(Supplier<String> ask) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread asker = new Thread(() -> answer.complete(ask.get()));
        asker.start();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> asker.getState() == Thread.State.WAITING || answer.isDone());
        release.countDown();
        return answer;
    }

    private static CompletableFuture<String> asking(Supplier<String> ask) {
        return CompletableFuture.supplyAsync(ask);
    }

    private static String failed(Supplier<String> ask) {
        try {
            return ask.get();
        } catch (IllegalStateException e) {
            return "failed: " + e.getMessage();
        }
    }

    private String readAgain() {
        return "read " + readings.incrementAndGet();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
