package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The process ids of a running platform, kept in {@code <home>/run}: how {@code stop} and {@code status} find it
 * from another terminal, and how {@code run} finds processes left over when a launcher was killed.
 */
final class Runs {

    /** How long {@code stop} waits for a launcher to stop everything. */
    static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final String LAUNCHER = "samverka";
    private static final String PORTS = "ports.properties";

    private final Path directory;

    Runs(Path directory) {
        this.directory = directory;
    }

    Optional<ProcessHandle> launcher() {
        return alive(LAUNCHER, "platform-runtime");
    }

    Optional<ProcessHandle> child(String component) {
        String marker = switch (component) {
            case RuntimeSettings.KAFKA, RuntimeSettings.MONGO -> "platform-runtime";
            case RuntimeSettings.TRACES -> "zipkin-server";
            default -> RuntimeSettings.componentOf(component);
        };
        return alive(component, marker);
    }

    /** The launcher, and the ports of what it starts: another terminal's settings may know fewer instances. */
    void recordLauncher(Map<String, Integer> ports) {
        write(LAUNCHER, ProcessHandle.current().pid());
        Properties recorded = new Properties();
        ports.forEach((component, port) -> recorded.setProperty(component, Integer.toString(port)));
        try (Writer writer = Files.newBufferedWriter(directory.resolve(PORTS))) {
            recorded.store(writer, "the ports of the running platform's parts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ports of the parts the last launcher started, by component, until it stops or the next run starts. */
    Optional<Map<String, Integer>> recordedPorts() {
        Path file = directory.resolve(PORTS);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties recorded = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            recorded.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, Integer> ports = new TreeMap<>();
        recorded.forEach((component, port) -> ports.put((String) component, Integer.parseInt((String) port)));
        return Optional.of(ports);
    }

    void record(ManagedProcess process) {
        write(process.name(), process.pid());
    }

    void clear() {
        try (Stream<Path> files = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid") || f.endsWith(PORTS)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops processes of an earlier run whose launcher is gone: applications first, then MongoDB, then Kafka.
     *
     * @return whether there were any
     */
    boolean stopLeftovers(PrintStream out) {
        // Whatever that run started, as many instances as it had, by the process ids it noted.
        List<String> order = new ArrayList<>(recorded().stream()
                .filter(name -> !List.of(LAUNCHER, RuntimeSettings.MONGO, RuntimeSettings.KAFKA).contains(name)).toList());
        order.addAll(List.of(RuntimeSettings.MONGO, RuntimeSettings.KAFKA));
        boolean found = false;
        for (String component : order) {
            Optional<ProcessHandle> leftover = child(component);
            if (leftover.isPresent()) {
                found = true;
                out.println("Stopping " + component + " (pid " + leftover.get().pid() + ") left over from an earlier run...");
                leftover.get().destroy();
                try {
                    leftover.get().onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    leftover.get().destroyForcibly();
                }
            }
        }
        clear();
        return found;
    }

    private List<String> recorded() {
        try (Stream<Path> files = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ProcessHandle> alive(String name, String commandMarker) {
        Path file = directory.resolve(name + ".pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(commandMarker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void write(String name, long pid) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
