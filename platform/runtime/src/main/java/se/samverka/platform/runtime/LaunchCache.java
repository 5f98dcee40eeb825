package se.samverka.platform.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Spring Boot jars as the JVM starts them fastest: unpacked once (Spring Boot's own {@code extract} layout, so no
 * nested jar is opened class by class), and with a class-data archive of the classes a start loads, which later starts
 * map instead of loading and verifying each class again: a part starts in about a third of the time. Every part keeps
 * to the quick compiler, which on two cores shared by seven JVMs both starts and serves faster (ADR 0017).
 *
 * <p>A start without an archive writes the list of classes it loads (cheap); once the platform is ready, the archive
 * is made from that list in the background, one part at a time and at the lowest priority, since making one takes
 * some twenty seconds of a core. The archive becomes visible by a rename only when it is complete: the JVM crashes on
 * a cut archive. Everything is kept beside the jar ({@code target/launch/}), keyed by the jar's size and time and by
 * the JDK, so a new build or another JDK gets its own and {@code mvn clean} removes it.
 */
final class LaunchCache implements AutoCloseable {

    private static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofMinutes(5);
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final String ARCHIVE = "classes.jsa";
    private static final String CLASS_LIST = ".classes";
    private static final String PARTIAL = ".partial";

    private final String java;
    private final Map<Path, Launch> unarchived = new LinkedHashMap<>();
    private Thread archiver;
    private Process dump;
    private boolean closed;

    LaunchCache(String java) {
        this.java = java;
    }

    /** How to start one jar: the options for the java command, and the jar to run. */
    record Launch(List<String> options, Path jar, Path classList, Path archive) {
    }

    /** Unpacks the jar if this build has not been yet, and says whether this start maps an archive or lists classes. */
    Launch prepare(Path jar) {
        try {
            Path unpacked = unpacked(jar);
            Path runnable = unpacked.resolve(jar.getFileName());
            Path archive = unpacked.resolve(ARCHIVE);
            if (Files.isRegularFile(archive)) {
                return new Launch(List.of(QUICK_COMPILER, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"),
                        runnable, null, archive);
            }
            removeOlderLists(unpacked);
            Path classList = unpacked.resolve(UUID.randomUUID() + CLASS_LIST);
            Launch launch = new Launch(List.of(QUICK_COMPILER, "-XX:DumpLoadedClassList=" + classList),
                    runnable, classList, archive);
            synchronized (this) {
                unarchived.put(archive, launch);
            }
            return launch;
        } catch (IOException | ExtractionException e) {
            // A start from the jar itself is slower, never wrong.
            return plain(jar);
        }
    }

    /** The jar as it is: for jars that are not Spring Boot applications. */
    static Launch plain(Path jar) {
        return new Launch(List.of(QUICK_COMPILER), jar, null, null);
    }

    /** Unpacks the jar if this build has not been yet; a jar that cannot be is started as it is. */
    void unpack(Path jar) {
        try {
            unpacked(jar);
        } catch (IOException | ExtractionException e) {
            // prepare(jar) tries once more, and starts the jar itself if that fails too.
        }
    }

    /** Makes the archives that the parts started so far lack, one after the other, in a thread of its own. */
    synchronized void archiveInBackground() {
        if (closed || unarchived.isEmpty() || archiver != null) {
            return;
        }
        archiver = new Thread(this::archiveAll, "samverka-class-archives");
        archiver.setDaemon(true);
        archiver.setPriority(Thread.MIN_PRIORITY);
        archiver.start();
    }

    /** Waits at most this long until no archive is being made; true if none is. */
    synchronized boolean awaitArchives(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (archiver != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Ends an archive under way; a later start makes it again. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = archiver;
            if (dump != null) {
                dump.destroyForcibly();
            }
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void archiveAll() {
        while (true) {
            Launch launch;
            synchronized (this) {
                if (closed || unarchived.isEmpty()) {
                    // Under the lock: a part started from now on finds no archiver and starts one.
                    archiver = null;
                    notifyAll();
                    return;
                }
                launch = unarchived.remove(unarchived.keySet().iterator().next());
            }
            try {
                archive(launch);
            } catch (IOException | RuntimeException e) {
                // Best effort: this part starts without an archive next time too, and lists its classes again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (this) {
                    archiver = null;
                    notifyAll();
                }
                return;
            }
        }
    }

    private void archive(Launch launch) throws IOException, InterruptedException {
        if (Files.isRegularFile(launch.archive()) || !Files.isRegularFile(launch.classList())) {
            return;
        }
        Path unpacked = launch.archive().getParent();
        String id = UUID.randomUUID().toString();
        Path list = unpacked.resolve(id + CLASS_LIST + PARTIAL);
        Path archive = unpacked.resolve(id + ".jsa" + PARTIAL);
        try {
            // The part may still be loading classes: its list up to the last whole line.
            String listed = Files.readString(launch.classList(), StandardCharsets.UTF_8);
            Files.writeString(list, listed.substring(0, listed.lastIndexOf('\n') + 1), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(NICE)) {
                command.addAll(List.of(NICE.toString(), "-n", "19"));
            }
            command.addAll(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-cp", launch.jar().toString()));
            Process process;
            synchronized (this) {
                if (closed) {
                    return;
                }
                process = start(command);
                dump = process;
            }
            if (endedWell(process, ARCHIVE_TIMEOUT) && Files.isRegularFile(archive)) {
                Files.move(archive, launch.archive(), StandardCopyOption.ATOMIC_MOVE);
                removeOlderLists(unpacked);
            }
        } finally {
            synchronized (this) {
                dump = null;
            }
            Files.deleteIfExists(list);
            Files.deleteIfExists(archive);
        }
    }

    /** Where this build of the jar is unpacked, for this JDK. */
    static Path unpackedDirectory(Path jar) throws IOException {
        return jar.resolveSibling("launch").resolve(name(jar) + "-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis() + "-jdk"
                + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_"));
    }

    private static String name(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    private Path unpacked(Path jar) throws IOException {
        Path unpacked = unpackedDirectory(jar);
        if (Files.isDirectory(unpacked)) {
            return unpacked;
        }
        Path launch = unpacked.getParent();
        removeOlderBuilds(launch, name(jar));
        Path partial = launch.resolve(unpacked.getFileName() + PARTIAL + "-" + UUID.randomUUID());
        extract(jar, partial);
        try {
            Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // Another launcher unpacked the same build at the same time; its copy serves both.
            Directories.delete(partial);
        } catch (IOException e) {
            Directories.delete(partial);
            if (!Files.isDirectory(unpacked)) {
                throw e;
            }
        }
        return unpacked;
    }

    private void extract(Path jar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Process process = start(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                destination.toString()));
        try {
            if (!endedWell(process, EXTRACT_TIMEOUT) || !Files.isRegularFile(destination.resolve(jar.getFileName()))) {
                Directories.delete(destination);
                throw new ExtractionException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ExtractionException();
        }
    }

    /** A java tool of our own, whose output no one reads. */
    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Whether the process ended within the time, and well; one that did not is ended. */
    private static boolean endedWell(Process process, Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue() == 0;
        }
        process.destroyForcibly();
        return false;
    }

    private static void removeOlderBuilds(Path launch, String name) throws IOException {
        if (!Files.isDirectory(launch)) {
            return;
        }
        try (Stream<Path> entries = Files.list(launch)) {
            for (Path entry : entries.filter(entry -> entry.getFileName().toString().startsWith(name + "-")).toList()) {
                try {
                    Directories.delete(entry);
                } catch (NoSuchFileException e) {
                    // Removed by another launcher at the same time.
                }
            }
        }
    }

    /** Lists of earlier starts: the newest start's list, or the archive made from one, replaces them. */
    private static void removeOlderLists(Path unpacked) throws IOException {
        try (Stream<Path> entries = Files.list(unpacked)) {
            for (Path entry : entries.filter(entry -> entry.getFileName().toString().endsWith(CLASS_LIST)).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    /** The jar could not be unpacked; it is started as it is. */
    private static final class ExtractionException extends RuntimeException {
    }
}
