package se.samverka.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole platform on this machine: a Kafka broker, a Mongo-wire server, every service and the gateway, each a
 * process of its own. Started in order (infrastructure, then the services in parallel), each awaited until it is
 * ready; stopped in the reverse order, so services finish their work while Kafka and MongoDB are still there.
 * {@code ./samverka run} and the end-to-end tests both start it through this class.
 */
public final class Platform implements AutoCloseable {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String DEMO_DATA = "demo/ostersund.json";
    private static final HttpClient HEALTH_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Hears how the start goes. */
    public interface Progress {
        void ready(String component, String address, Duration took);

        /** A process was started; it is not ready yet. */
        default void launched(ManagedProcess process) {
        }

        /** Something else worth a line. */
        default void note(String message) {
        }

        Progress SILENT = (component, address, took) -> { };
    }

    private final RuntimeSettings settings;
    private final Progress progress;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final Map<String, ManagedProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Identities identities;

    private Platform(RuntimeSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        this.identities = new Identities(settings);
    }

    /** A platform ready to start, with nothing running yet. */
    public static Platform create(RuntimeSettings settings, Progress progress) {
        return new Platform(settings, progress);
    }

    /** Starts a platform and returns it once the gateway and every service report UP. */
    public static Platform start(RuntimeSettings settings, Progress progress) throws StartupException {
        Platform platform = create(settings, progress);
        platform.start();
        return platform;
    }

    /**
     * Starts everything and returns once the gateway and every service report UP.
     *
     * @throws StartupException with one line saying what went wrong and what to do; whatever had started is stopped
     */
    public void start() throws StartupException {
        checkJars();
        checkPorts();
        boolean firstStart = !Files.exists(settings.home().resolve("data"));
        try {
            startAll();
            if (firstStart && settings.demoData()) {
                loadDemoData();
            }
        } catch (StartupException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Only on a start that found no data: a platform that has data keeps it as it is. */
    private void loadDemoData() throws StartupException {
        progress.note("First start: loading the demo data (Östersund's partnerships and projects) through the API...");
        try {
            DemoData.Loaded loaded = DemoData.load(gatewayUrl(), DEMO_DATA, identities.runtimeToken());
            identities.writeAccounts(loaded.ids());
            progress.note("Demo data loaded (" + loaded.requests() + " requests); demo accounts in "
                    + settings.accountsFile() + ".");
        } catch (RuntimeException e) {
            throw new StartupException("Loading the demo data failed: " + e.getMessage()
                    + ". Start over with ./samverka reset --yes, or without demo data: SAMVERKA_DEMO_DATA=false ./samverka run");
        }
    }

    /** An access token of the coordinator (ADMIN), from the platform's identity provider. */
    public String coordinatorToken() throws StartupException {
        return identities.runtimeToken();
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return settings.url(RuntimeSettings.GATEWAY);
    }

    public Optional<ManagedProcess> process(String component) {
        return Optional.ofNullable(processes.get(component));
    }

    public List<ManagedProcess> processes() {
        synchronized (processes) {
            return List.copyOf(processes.values());
        }
    }

    /** Ends a service at once (SIGKILL), as a crash would. */
    public void kill(String component) {
        process(component).ifPresent(ManagedProcess::kill);
    }

    /** Starts a component, stopping it first if it runs (after a kill, say), and waits until it is ready. */
    public void restart(String component) throws StartupException {
        process(component).ifPresent(process -> process.stop(STOP_GRACE));
        awaitReady(launch(component));
    }

    /** Stops everything in the reverse order of the start. */
    public void stop() {
        List<ManagedProcess> started = processes();
        List<ManagedProcess> applications = started.stream()
                .filter(process -> !isInfrastructure(process.name())).toList();
        stopInParallel(applications);
        started.stream().filter(process -> process.name().equals(RuntimeSettings.MONGO)).forEach(p -> p.stop(STOP_GRACE));
        started.stream().filter(process -> process.name().equals(RuntimeSettings.KAFKA)).forEach(p -> p.stop(STOP_GRACE));
    }

    @Override
    public void close() {
        stop();
    }

    private void startAll() throws StartupException {
        // Accounts without organisations until the demo data gives them ids; a later start keeps what is there.
        identities.writeAccountsIfMissing(Map.of());
        ManagedProcess kafka = launch(RuntimeSettings.KAFKA);
        ManagedProcess mongo = launch(RuntimeSettings.MONGO);
        ManagedProcess identityProvider = launch(RuntimeSettings.IDENTITY_PROVIDER);
        awaitAll(List.of(kafka, mongo, identityProvider));
        List<ManagedProcess> applications = new ArrayList<>();
        for (String service : RuntimeSettings.SERVICES) {
            applications.add(launch(service));
        }
        applications.add(launch(RuntimeSettings.GATEWAY));
        awaitAll(applications);
    }

    private void awaitAll(List<ManagedProcess> started) throws StartupException {
        List<CompletableFuture<Void>> readiness = started.stream()
                .map(process -> CompletableFuture.runAsync(() -> {
                    try {
                        awaitReady(process);
                    } catch (StartupException e) {
                        throw new CompletionException(e);
                    }
                }))
                .toList();
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartupException startup) {
                throw startup;
            }
            throw e;
        }
    }

    private ManagedProcess launch(String component) {
        ManagedProcess process = ManagedProcess.launch(component, command(component), settings.logFile(component));
        processes.put(component, process);
        progress.launched(process);
        return process;
    }

    private List<String> command(String component) {
        long launcher = ProcessHandle.current().pid();
        String parent = "--parent=" + launcher;
        String parentPid = "--samverka.runtime.parent-pid=" + launcher;
        return switch (component) {
            case RuntimeSettings.KAFKA -> jvm("512m", runtimeJar(), "kafka",
                    "--data=" + settings.dataDir(RuntimeSettings.KAFKA),
                    "--port=" + settings.port(RuntimeSettings.KAFKA),
                    "--controller-port=" + settings.port(RuntimeSettings.KAFKA_CONTROLLER), parent);
            case RuntimeSettings.MONGO -> jvm("256m", runtimeJar(), "mongo",
                    "--data=" + settings.dataDir(RuntimeSettings.MONGO),
                    "--port=" + settings.port(RuntimeSettings.MONGO), parent);
            case RuntimeSettings.IDENTITY_PROVIDER -> jvm("192m", serviceJar(component),
                    "--server.port=" + settings.port(component), "--server.address=127.0.0.1", parentPid,
                    "--samverka.identity.issuer=" + issuer(),
                    "--samverka.identity.key-file=" + identities.signingKeyFile(),
                    "--samverka.identity.accounts-file=" + settings.accountsFile(),
                    "--samverka.identity.runtime-client-secret=" + identities.runtimeClientSecret(),
                    "--samverka.identity.portal-client-secret=" + identities.portalClientSecret(),
                    "--samverka.identity.portal-redirect-uri=" + gatewayUrl() + "/login/oauth2/code/samverka",
                    "--samverka.identity.post-logout-redirect-uri=" + gatewayUrl() + "/");
            case RuntimeSettings.GATEWAY -> {
                List<String> command = jvm("256m", serviceJar(component), "--server.port=" + settings.port(component),
                        "--server.address=127.0.0.1", parentPid, "--samverka.security.issuer-uri=" + issuer(),
                        "--samverka.portal.client-secret=" + identities.portalClientSecret(),
                        "--samverka.gateway.rate-limit.exempt-subjects=" + Identities.RUNTIME_CLIENT);
                for (String service : RuntimeSettings.SERVICES) {
                    command.add("--samverka.services." + service.replace("-service", "") + "=" + settings.url(service));
                }
                yield command;
            }
            default -> jvm("384m", serviceJar(component), "--server.port=" + settings.port(component),
                    "--server.address=127.0.0.1", parentPid,
                    "--spring.mongodb.uri=" + settings.mongoUri(component),
                    "--samverka.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers(),
                    "--samverka.security.issuer-uri=" + issuer());
        };
    }

    private String issuer() {
        return settings.url(RuntimeSettings.IDENTITY_PROVIDER);
    }

    /** Small heaps and the quick compiler: a machine of two cores runs seven of these at once. */
    private List<String> jvm(String heap, Path jar, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java, "-Xms32m", "-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private void awaitReady(ManagedProcess process) throws StartupException {
        Instant started = Instant.now();
        String component = process.name();
        Duration timeout = isInfrastructure(component) ? INFRASTRUCTURE_TIMEOUT : SERVICE_TIMEOUT;
        while (!isReady(component)) {
            if (!process.isAlive()) {
                throw new StartupException(component + " stopped while starting (exit " + process.exitValue()
                        + "). Its log: " + process.log() + System.lineSeparator() + process.tail(15));
            }
            if (Duration.between(started, Instant.now()).compareTo(timeout) > 0) {
                throw new StartupException(component + " was not ready after " + timeout.toSeconds() + " s. Its log: "
                        + process.log() + System.lineSeparator() + process.tail(15));
            }
            process.awaitExit(Duration.ofMillis(250));
        }
        progress.ready(component, address(component), Duration.between(started, Instant.now()));
    }

    private boolean isReady(String component) {
        return switch (component) {
            case RuntimeSettings.KAFKA -> kafkaReady();
            case RuntimeSettings.MONGO -> listening(settings.port(component));
            default -> healthy(settings.url(component));
        };
    }

    private boolean kafkaReady() {
        if (!listening(settings.port(RuntimeSettings.KAFKA))) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the application at this address answers its health check with UP. */
    static boolean healthy(String url) {
        try {
            HttpResponse<String> response = HEALTH_CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkPorts() throws StartupException {
        for (var port : settings.ports().entrySet()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", port.getValue()));
            } catch (IOException e) {
                throw new StartupException("Port " + port.getValue() + " (" + port.getKey() + ") is in use. Stop what"
                        + " uses it, or choose another port: " + RuntimeSettings.portVariable(port.getKey()) + "="
                        + (port.getValue() + 100) + " ./samverka run");
            }
        }
    }

    private void checkJars() throws StartupException {
        try {
            runtimeJar();
            Stream.concat(RuntimeSettings.SERVICES.stream(),
                    Stream.of(RuntimeSettings.GATEWAY, RuntimeSettings.IDENTITY_PROVIDER)).forEach(this::serviceJar);
        } catch (MissingJarException e) {
            throw new StartupException(e.getMessage());
        }
    }

    private Path runtimeJar() {
        return findJar(settings.root().resolve("platform/runtime/target"), "platform-runtime-", "-exec.jar");
    }

    private Path serviceJar(String component) {
        return findJar(settings.root().resolve(component).resolve("target"), component + "-", ".jar");
    }

    private static Path findJar(Path directory, String prefix, String suffix) {
        try (Stream<Path> files = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(suffix)
                                && (suffix.equals("-exec.jar") || !name.endsWith("-exec.jar"));
                    })
                    .findFirst()
                    .orElseThrow(() -> new MissingJarException(directory, prefix));
        } catch (IOException e) {
            throw new MissingJarException(directory, prefix);
        }
    }

    private static boolean isInfrastructure(String component) {
        return component.equals(RuntimeSettings.KAFKA) || component.equals(RuntimeSettings.MONGO);
    }

    private String address(String component) {
        return switch (component) {
            case RuntimeSettings.KAFKA -> settings.kafkaBootstrapServers();
            case RuntimeSettings.MONGO -> settings.mongoUri("").replaceAll("/$", "");
            default -> settings.url(component);
        };
    }

    private static void stopInParallel(List<ManagedProcess> processes) {
        CompletableFuture.allOf(processes.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.stop(STOP_GRACE)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** A jar that the build should have made is not there. */
    static final class MissingJarException extends RuntimeException {
        MissingJarException(Path directory, String prefix) {
            super("No " + prefix + "*.jar in " + directory + ". Build first: ./mvnw -DskipTests package");
        }
    }
}
