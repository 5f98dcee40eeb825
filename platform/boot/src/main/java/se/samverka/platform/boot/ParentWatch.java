package se.samverka.platform.boot;

/**
 * Ends this process when the process that started it is gone, so that nothing the embedded runtime started outlives
 * its launcher, even one killed with -9. {@code System.exit} runs the shutdown hooks, so data is flushed and Spring
 * applications close in order.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void start(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit(parentPid)),
                () -> exit(parentPid));
    }

    private static void exit(long parentPid) {
        System.err.println("The process that started this one (pid " + parentPid + ") is gone; stopping.");
        System.exit(0);
    }
}
