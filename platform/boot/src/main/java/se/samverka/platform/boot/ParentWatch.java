package se.samverka.platform.boot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends this process when the process that started it is gone, so that nothing the embedded runtime started outlives
 * its launcher, even one killed with -9. {@code System.exit} runs the shutdown hooks, so data is flushed and Spring
 * applications close in order.
 */
public final class ParentWatch {

    /** Closing waits on Kafka and MongoDB; when they went with the launcher, it would wait a minute or more. */
    private static final long CLOSE_DEADLINE_SECONDS = 15;

    private ParentWatch() {
    }

    public static void start(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit(parentPid)),
                () -> exit(parentPid));
    }

    private static void exit(long parentPid) {
        System.err.println("The process that started this one (pid " + parentPid + ") is gone; stopping.");
        CompletableFuture.delayedExecutor(CLOSE_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .execute(() -> Runtime.getRuntime().halt(1));
        System.exit(0);
    }
}
