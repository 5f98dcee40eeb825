package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One part of the platform running as a process of its own, writing to its log file. */
public final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;
    private volatile boolean ending;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the command in a session of its own where the system has {@code setsid}, so that Ctrl-C in the terminal
     * reaches only the launcher, which then stops the parts in order.
     */
    static ManagedProcess launch(String name, List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "%n==== %s: starting %s%n".formatted(LocalDateTime.now(), name), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> full = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ManagedProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    /** Waits at most this long for the process to end; returns early when it does. */
    void awaitExit(Duration atMost) {
        try {
            process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the action if the process ends without being asked to. */
    void onUnexpectedExit(Runnable action) {
        process.onExit().thenRun(() -> {
            if (!ending) {
                action.run();
            }
        });
    }

    /** Asks the process to stop (SIGTERM) and forces it after the grace period. */
    public void stop(Duration grace) {
        ending = true;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Ends the process at once (SIGKILL): no shutdown hook runs. It was asked to end, so a supervising
     * {@link Platform} leaves it down.
     */
    public void kill() {
        ending = true;
        endAtOnce();
    }

    /**
     * Ends the process at once (SIGKILL) as if it had crashed: nobody asked it to end, so a supervising
     * {@link Platform} starts it again.
     */
    public void crash() {
        endAtOnce();
    }

    private void endAtOnce() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, for a message about a failure. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ")";
        }
    }
}
