package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import se.samverka.platform.boot.ParentWatch;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ./samverka} command: {@code run}, {@code stop}, {@code status}, {@code logs}, {@code reset},
 * {@code rebuild}, {@code dlq}; and the two
 * infrastructure processes it starts, {@code kafka} and {@code mongo}.
 */
public final class Samverka {

    private static final PrintStream OUT = System.out;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String USAGE = """
            Usage: ./samverka <command>
              run                 start Kafka, the Mongo-wire server, every service and the gateway; Ctrl-C stops all
              stop                stop a platform that runs (from another terminal)
              status              what runs, on which port, whether it is healthy; outboxes, lag, dead letters
              logs [component]    the last lines of every log, or follow one (e.g. logs project-service)
              reset [--yes]       delete all data (the platform must be stopped)
              rebuild [part]      rebuild a service's read models from the event log while they keep serving
                                  (e.g. rebuild project-service); without a part, every service's in turn
              dlq [id]            the records consumers parked in their dead-letter topics, or one of them whole
              dlq replay <id>     hand a parked record to the consumer it failed in, once the cause is fixed
              dlq discard <id> --reason "<text>"
                                  leave a parked record unapplied, saying why
            Ports: SAMVERKA_<COMPONENT>_PORT, e.g. SAMVERKA_GATEWAY_PORT=8090. Data and logs: SAMVERKA_HOME (default .samverka).
            Twice: SAMVERKA_<PART>_INSTANCES=2 for every part but the identity provider.
            Traces: a trace store at http://localhost:9411/zipkin/ keeps the newest; SAMVERKA_TRACES=false runs without.""";

    private Samverka() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "run" -> run(settings());
                case "stop" -> stop(settings());
                case "status" -> status(settings());
                case "logs" -> logs(settings(), rest);
                case "reset" -> reset(settings(), rest);
                case "rebuild" -> new ReadModelRebuild(settings(), OUT).run(rest);
                case "dlq" -> deadLetters(settings(), rest);
                case "kafka" -> kafka(options(rest));
                case "mongo" -> mongo(options(rest));
                case "help", "--help", "-h" -> OUT.println(USAGE);
                default -> fail("Unknown command '" + command + "'." + System.lineSeparator() + USAGE);
            }
        } catch (StartupException e) {
            fail(e.getMessage());
        }
    }

    private static void run(RuntimeSettings settings) throws StartupException {
        Runs runs = new Runs(settings.runDir());
        Optional<ProcessHandle> running = runs.launcher();
        if (running.isPresent()) {
            throw new StartupException("Samverka is already running (pid " + running.get().pid()
                    + "). Open " + settings.url(RuntimeSettings.GATEWAY) + ", or stop it with ./samverka stop.");
        }
        runs.stopLeftovers(OUT);
        OUT.println("Starting Samverka: Kafka (KRaft), a Mongo-wire server and every service. Data: " + settings.home());
        Platform platform = Platform.create(settings, new Platform.Progress() {
            @Override
            public void ready(String component, String address, Duration took) {
                OUT.printf("  ready  %-22s %-28s %5.1f s%n", component, address, took.toMillis() / 1000.0);
            }

            @Override
            public void launched(ManagedProcess process) {
                runs.record(process);
            }

            @Override
            public void note(String message) {
                OUT.println("  " + message);
            }

            @Override
            public void died(String component, String cause, Duration restartIn) {
                OUT.printf("! %s  %s died (%s); restarting it in %s%n", now(), component, cause,
                        Platform.seconds(restartIn));
            }

            @Override
            public void recovered(String component, String address, Duration down) {
                OUT.printf("  %s  %s is ready again at %s, %s after it died%n", now(), component, address,
                        Platform.seconds(down));
            }

            @Override
            public void gaveUp(String component, int failures, Duration window, Path log) {
                OUT.printf("! %s  %s failed %d times within %d min; it stays down. See %s, then ./samverka stop"
                        + " and ./samverka run%n", now(), component, failures, window.toMinutes(), log);
            }
        });
        runs.recordLauncher(settings.ports());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean alive = platform.processes().stream().anyMatch(ManagedProcess::isAlive);
            if (alive) {
                OUT.println(System.lineSeparator() + "Stopping Samverka: the services, then the Mongo-wire server, then Kafka...");
            }
            // Also when nothing runs: a restart that supervision has scheduled must not happen.
            platform.stop();
            if (alive) {
                OUT.println("Stopped.");
            }
            runs.clear();
            stopped.countDown();
        }, "samverka-stop"));
        platform.start();
        OUT.println();
        OUT.println("Samverka is running: " + String.join(" and ", platform.gatewayUrls()) + "   (Ctrl-C stops it; a part that dies is started again; logs in " + settings.home().resolve("logs") + ")");
        if (settings.traces()) {
            OUT.println("Traces of every request and event: " + Platform.traceStoreUrl(settings));
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(RuntimeSettings settings) {
        Runs runs = new Runs(settings.runDir());
        Optional<ProcessHandle> launcher = runs.launcher();
        if (launcher.isPresent()) {
            OUT.println("Stopping Samverka (pid " + launcher.get().pid() + ")...");
            launcher.get().destroy();
            launcher.get().onExit().orTimeout(Runs.STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            OUT.println("Stopped.");
        } else if (!runs.stopLeftovers(OUT)) {
            OUT.println("Samverka is not running.");
        }
    }

    private static void status(RuntimeSettings settings) {
        Runs runs = new Runs(settings.runDir());
        OUT.println(runs.launcher().map(p -> "Samverka is running (pid " + p.pid() + ").").orElse("Samverka is not running."));
        // What the launcher started, whatever instances and ports this terminal's environment says.
        Map<String, Integer> ports = runs.recordedPorts().orElse(settings.ports());
        for (var entry : ports.entrySet()) {
            String component = entry.getKey();
            if (component.equals(RuntimeSettings.KAFKA_CONTROLLER)) {
                continue;
            }
            int port = entry.getValue();
            String state = !Platform.listening(port) ? "not listening"
                    : component.equals(RuntimeSettings.KAFKA) || component.equals(RuntimeSettings.MONGO)
                    || component.equals(RuntimeSettings.TRACE_COLLECTOR) ? "listening"
                    : Platform.healthy("http://localhost:" + port) ? "healthy" : "listening, not healthy";
            String pid = runs.child(component).map(p -> "pid " + p.pid()).orElse("-");
            OUT.printf("  %-22s port %-6d %-12s %s%n", component, port, pid, state);
        }
        if (runs.launcher().isPresent()) {
            OUT.println();
            new PlatformWatch(ports, "localhost:" + ports.get(RuntimeSettings.KAFKA)).print(OUT);
        }
    }

    private static void deadLetters(RuntimeSettings settings, String[] args) throws StartupException {
        DeadLetterListing deadLetters = new DeadLetterListing(settings.kafkaBootstrapServers());
        DeadLetterOperations operations = new DeadLetterOperations(settings);
        if (args.length == 0) {
            deadLetters.list(OUT, operations::statuses);
        } else if (args[0].equals("replay") && args.length == 2) {
            JsonNode replayed = operations.replay(args[1]);
            OUT.println("Replayed " + args[1] + ": " + replayed.path("decision").path("outcome").asString() + ".");
        } else if (args[0].equals("discard") && args.length == 4 && args[2].equals("--reason")) {
            operations.discard(args[1], args[3]);
            OUT.println("Discarded " + args[1] + ": " + args[3]);
        } else if (args.length == 1 && !args[0].equals("replay") && !args[0].equals("discard")) {
            deadLetters.show(args[0], OUT, operations::statuses);
        } else {
            throw new StartupException(
                    "Usage: ./samverka dlq [id] | dlq replay <id> | dlq discard <id> --reason \"<text>\"");
        }
    }

    private static void logs(RuntimeSettings settings, String[] args) throws StartupException {
        Path logs = settings.home().resolve("logs");
        if (args.length == 0) {
            try (Stream<Path> files = Files.isDirectory(logs) ? Files.list(logs) : Stream.empty()) {
                List<Path> all = files.sorted(Comparator.naturalOrder()).toList();
                if (all.isEmpty()) {
                    OUT.println("No logs yet in " + logs + ".");
                }
                for (Path file : all) {
                    OUT.println("==> " + file + " <==");
                    lastLines(file, 5).forEach(OUT::println);
                }
            } catch (IOException e) {
                throw new StartupException("Cannot read the logs in " + logs + ": " + e.getMessage());
            }
            return;
        }
        Path file = settings.logFile(args[0]);
        if (!Files.exists(file)) {
            throw new StartupException("No log for '" + args[0] + "'. Components: " + String.join(", ", settings.ports().keySet()));
        }
        follow(file);
    }

    private static void reset(RuntimeSettings settings, String[] args) throws StartupException {
        if (new Runs(settings.runDir()).launcher().isPresent()) {
            throw new StartupException("Samverka is running; stop it first with ./samverka stop.");
        }
        Path data = settings.home().resolve("data");
        boolean confirmed = List.of(args).contains("--yes");
        if (!confirmed && System.console() != null) {
            String answer = System.console().readLine("Delete all Samverka data in %s? [y/N] ", data);
            confirmed = answer != null && answer.trim().equalsIgnoreCase("y");
        }
        if (!confirmed) {
            throw new StartupException("Nothing deleted. To delete all data without a question: ./samverka reset --yes");
        }
        deleteTree(data);
        deleteTree(settings.home().resolve("logs"));
        OUT.println("Deleted " + data + ". The next ./samverka run starts empty.");
    }

    private static void kafka(Map<String, String> options) {
        watchParent(options);
        KafkaBroker.run(Path.of(options.get("data")), Integer.parseInt(options.get("port")),
                Integer.parseInt(options.get("controller-port")));
    }

    private static void mongo(Map<String, String> options) {
        watchParent(options);
        MongoWireServer.run(Path.of(options.get("data")), Integer.parseInt(options.get("port")));
    }

    private static void watchParent(Map<String, String> options) {
        if (options.containsKey("parent")) {
            ParentWatch.start(Long.parseLong(options.get("parent")));
        }
    }

    private static String now() {
        return LocalTime.now().format(CLOCK);
    }

    private static RuntimeSettings settings() throws StartupException {
        Path root = Path.of(System.getProperty("samverka.root", ".")).toAbsolutePath().normalize();
        return RuntimeSettings.fromEnvironment(root, System.getenv());
    }

    /** {@code --name=value} pairs. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        return options;
    }

    private static List<String> lastLines(Path file, int count) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /** Prints the end of a log and then what is added to it, until Ctrl-C. */
    private static void follow(Path file) throws StartupException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            lastLines(file, 100).forEach(OUT::println);
            long position = log.length();
            while (!Thread.currentThread().isInterrupted()) {
                if (log.length() < position) {
                    position = 0;
                }
                if (log.length() > position) {
                    log.seek(position);
                    byte[] added = new byte[(int) (log.length() - position)];
                    log.readFully(added);
                    OUT.print(new String(added, StandardCharsets.UTF_8));
                    position = log.length();
                }
                Thread.sleep(300);
            }
        } catch (IOException e) {
            throw new StartupException("Cannot read " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path directory) throws StartupException {
        try {
            Directories.delete(directory);
        } catch (IOException e) {
            throw new StartupException("Could not delete " + directory + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("samverka: " + message);
        System.exit(1);
    }
}
