package se.samverka.platform.runtime;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole platform on this machine: a Kafka broker, a Mongo-wire server, every service and the gateway, each a
 * process of its own. Started in order (infrastructure, then the services in parallel), each awaited until it is
 * ready; stopped in the reverse order, so services finish their work while Kafka and MongoDB are still there.
 * {@code ./samverka run} and the end-to-end tests both start it through this class.
 *
 * <p>Supervised: once a part has been ready, it is started again whenever it ends without being asked to, after a
 * pause that grows with each failure in a row ({@link RestartBackoff}); a part that fails too often in a short time
 * is left down. Parts ended on purpose ({@link #stop()}, {@link #stop(String)}, {@link #killAndHold},
 * {@link #restart}) are not started again behind the caller's back.
 */
public final class Platform implements AutoCloseable {

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String DEMO_DATA = "demo/ostersund.json";
    /** A health document's overall status, however it is formatted. */
    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
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

        /** A supervised part ended without being asked to, or could not be started; it starts again after the pause. */
        default void died(String component, String cause, Duration restartIn) {
            note(component + " died (" + cause + "); restarting it in " + seconds(restartIn));
        }

        /** A part that supervision started again is ready, this long after it died. */
        default void recovered(String component, String address, Duration down) {
            note(component + " is ready again at " + address + ", " + seconds(down) + " after it died");
        }

        /** A part failed so often in so short a time that supervision leaves it down. */
        default void gaveUp(String component, int failures, Duration window, Path log) {
            note(component + " failed " + failures + " times within " + window.toMinutes() + " min and is left down;"
                    + " see " + log);
        }

        Progress SILENT = (component, address, took) -> { };
    }

    /** One part and what supervision knows of it. Guarded by the platform's lock. */
    private static final class Part {

        private final String name;
        private final RestartBackoff backoff;
        private ManagedProcess process;
        /** Started again when it dies unexpectedly: from when it was first ready until it is stopped on purpose. */
        private boolean supervised;
        /** Counts deliberate starts and stops: a restart that was scheduled before the latest one is void. */
        private int generation;
        private ScheduledFuture<?> pendingRestart;
        /** When the outage that supervision is repairing began; null while the part is up or held down. */
        private Instant downSince;
        private boolean givenUp;
        private int restarts;

        private Part(String name, RestartBackoff.Policy policy) {
            this.name = name;
            this.backoff = new RestartBackoff(policy);
        }
    }

    private final RuntimeSettings settings;
    private final Progress progress;
    private final RestartBackoff.Policy restartPolicy;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final LaunchCache launchCache = new LaunchCache(java);
    private final Object lock = new Object();
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private TraceCollector traceCollector;
    private final ScheduledExecutorService supervisor = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "samverka-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Identities identities;
    private boolean stopped;

    private Platform(RuntimeSettings settings, Progress progress, RestartBackoff.Policy restartPolicy) {
        this.settings = settings;
        this.progress = progress;
        this.restartPolicy = restartPolicy;
        this.identities = new Identities(settings);
    }

    /** A platform ready to start, with nothing running yet. */
    public static Platform create(RuntimeSettings settings, Progress progress) {
        return new Platform(settings, progress, RestartBackoff.Policy.DEFAULT);
    }

    /** The same, with another restart policy: for tests that make parts fail on purpose. */
    static Platform create(RuntimeSettings settings, Progress progress, RestartBackoff.Policy restartPolicy) {
        return new Platform(settings, progress, restartPolicy);
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
            startAll(firstStart && settings.demoData());
            if (firstStart && settings.demoData()) {
                loadDemoData();
            }
            launchCache.archiveInBackground();
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
            progress.note("Demo data loaded (" + loaded.requests() + " requests); the demo accounts go from "
                    + settings.accountsFile() + " into the identity provider's store.");
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

    /** Every gateway's address, the first one's first: as many as {@code SAMVERKA_GATEWAY_INSTANCES} says. */
    public List<String> gatewayUrls() {
        return settings.urls(RuntimeSettings.GATEWAY);
    }

    /** The component's latest process, whether it still runs or not. */
    public Optional<ManagedProcess> process(String component) {
        synchronized (lock) {
            return Optional.ofNullable(parts.get(component)).map(part -> part.process);
        }
    }

    /** Each component's latest process, in the order they were first started. */
    public List<ManagedProcess> processes() {
        synchronized (lock) {
            return parts.values().stream().map(part -> part.process).filter(Objects::nonNull).toList();
        }
    }

    /**
     * Ends a part at once (SIGKILL), as a crash would, and returns once its process is gone. Supervision then starts
     * it again after its pause (1 s after a first failure); {@link #awaitReady} waits for that. A part that is not
     * supervised (held down, or not yet ready once) stays down.
     */
    public void kill(String component) {
        process(component).ifPresent(ManagedProcess::crash);
    }

    /**
     * Ends a part at once (SIGKILL) and leaves it down until {@link #restart} or {@link #ensureRunning}: for a test
     * that chooses when it comes back. Returns once its process is gone.
     */
    public void killAndHold(String component) {
        hold(component).ifPresent(ManagedProcess::kill);
    }

    /** Stops one part (SIGTERM, forced after 30 s) and leaves it down until {@link #restart} or {@link #ensureRunning}. */
    public void stop(String component) {
        hold(component).ifPresent(process -> process.stop(STOP_GRACE));
    }

    /**
     * Starts a part, stopping it first if it runs or is being restarted by supervision, and waits until it is ready.
     * It is supervised from then on, with its failures forgotten.
     */
    public void restart(String component) throws StartupException {
        hold(component).ifPresent(process -> process.stop(STOP_GRACE));
        awaitReady(launch(component));
        launchCache.archiveInBackground();
    }

    /**
     * Waits until the part runs and is ready: its process is alive, supervision is not in the middle of bringing it
     * back, and its readiness check passes (Kafka answers for its cluster, the Mongo-wire server accepts connections,
     * a service's {@code /actuator/health/readiness} and the gateway's and identity provider's
     * {@code /actuator/health} are UP).
     *
     * @throws StartupException when it is not ready in time, or supervision has left it down after too many failures
     */
    public void awaitReady(String component, Duration timeout) throws StartupException {
        Instant deadline = Instant.now().plus(timeout);
        while (!isUp(component)) {
            synchronized (lock) {
                Part part = parts.get(component);
                if (part != null && part.givenUp) {
                    throw new StartupException(component + " failed too often and supervision left it down. Its log: "
                            + settings.logFile(component));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupException(component + " was not ready within " + seconds(timeout) + ". Its log: "
                        + settings.logFile(component));
            }
            pause();
        }
    }

    /**
     * Makes sure the part runs and is ready, for a test's {@code finally}: returns at once when it is; waits for a
     * restart that supervision has under way; otherwise (held down, left down, or waiting out its pause) starts it
     * now, as {@link #restart} does.
     */
    public void ensureRunning(String component) throws StartupException {
        if (isUp(component)) {
            return;
        }
        boolean restarting;
        synchronized (lock) {
            Part part = parts.get(component);
            restarting = part != null && part.supervised && part.process != null && part.process.isAlive();
        }
        if (restarting) {
            try {
                awaitReady(component, timeout(component));
                return;
            } catch (StartupException e) {
                progress.note(e.getMessage() + "; starting it anew");
            }
        }
        restart(component);
    }

    /** How often supervision has brought this part back since the platform was created. */
    public int restarts(String component) {
        synchronized (lock) {
            Part part = parts.get(component);
            return part == null ? 0 : part.restarts;
        }
    }

    /**
     * Waits at most this long until the background work for quicker starts (ADR 0017) is done, so that a measurement
     * does not share the machine with it; true if it is.
     */
    public boolean awaitClassArchives(Duration timeout) throws InterruptedException {
        return launchCache.awaitArchives(timeout);
    }

    /**
     * Stops everything in the reverse order of the start; nothing is started again afterwards, by supervision or
     * otherwise.
     */
    public void stop() {
        launchCache.close();
        List<ManagedProcess> started = new ArrayList<>();
        synchronized (lock) {
            stopped = true;
            for (Part part : parts.values()) {
                unsupervise(part);
                if (part.process != null) {
                    started.add(part.process);
                }
            }
        }
        supervisor.shutdownNow();
        List<ManagedProcess> applications = started.stream()
                .filter(process -> !isInfrastructure(process.name())).toList();
        stopInParallel(applications);
        started.stream().filter(process -> process.name().equals(RuntimeSettings.MONGO)).forEach(p -> p.stop(STOP_GRACE));
        started.stream().filter(process -> process.name().equals(RuntimeSettings.KAFKA)).forEach(p -> p.stop(STOP_GRACE));
        started.stream().filter(process -> process.name().equals(RuntimeSettings.TRACES)).forEach(p -> p.stop(STOP_GRACE));
        synchronized (lock) {
            if (traceCollector != null) {
                traceCollector.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** @param demoAccounts whether the demo data will be loaded: its accounts are seeded once it has ids for them */
    private void startAll(boolean demoAccounts) throws StartupException {
        if (demoAccounts) {
            // A seed of an earlier data folder names organisations that are gone; the demo data's comes after it.
            identities.removeAccounts();
        } else {
            // Without demo data, the seed's accounts act for no organisation; a seed that is there stays as it is.
            identities.writeAccountsIfMissing(Map.of());
        }
        ManagedProcess kafka = launch(RuntimeSettings.KAFKA);
        ManagedProcess mongo = launch(RuntimeSettings.MONGO);
        // The identity provider keeps its accounts in the store, and reads them at its start.
        awaitAll(List.of(mongo));
        ManagedProcess identityProvider = launch(RuntimeSettings.IDENTITY_PROVIDER);
        List<ManagedProcess> infrastructure = new ArrayList<>(List.of(kafka, identityProvider));
        if (settings.traces()) {
            infrastructure.add(launch(RuntimeSettings.TRACES));
            synchronized (lock) {
                traceCollector = TraceCollector.start(settings.port(RuntimeSettings.TRACE_COLLECTOR),
                        settings.url(RuntimeSettings.TRACES));
            }
        }
        awaitAll(infrastructure);
        List<ManagedProcess> applications = new ArrayList<>();
        for (String service : RuntimeSettings.SERVICES) {
            for (String instance : settings.instancesOf(service)) {
                applications.add(launch(instance));
            }
        }
        for (String gateway : settings.instancesOf(RuntimeSettings.GATEWAY)) {
            applications.add(launch(gateway));
        }
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

    private ManagedProcess launch(String component) throws StartupException {
        synchronized (lock) {
            if (stopped) {
                throw new StartupException("The platform is stopping; " + component + " was not started.");
            }
            return launch(parts.computeIfAbsent(component, name -> new Part(name, restartPolicy)));
        }
    }

    /** Under the lock, so that a {@link #stop()} at the same time finds the new process. */
    private ManagedProcess launch(Part part) {
        Command command = command(part.name);
        // The broker and the store run from the runtime's jar, which is no Spring application to unpack.
        LaunchCache.Launch launch = isInfrastructure(part.name) ? LaunchCache.plain(command.jar())
                : launchCache.prepare(command.jar());
        // A part out of memory ends, so that supervision starts it again: left running, it answers nothing and holds
        // every writer waiting, while supervision sees it alive.
        List<String> line = new ArrayList<>(List.of(java, "-Xms32m", "-Xmx" + command.heap(), "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Xss512k", "-Dfile.encoding=UTF-8"));
        line.addAll(launch.options());
        line.addAll(List.of("-jar", launch.jar().toString()));
        line.addAll(command.arguments());
        ManagedProcess process = ManagedProcess.launch(part.name, line, settings.logFile(part.name));
        part.process = process;
        if (part.supervised) {
            watch(part, process);
        }
        progress.launched(process);
        return process;
    }

    /** A process that was ready is supervised from now on. */
    private void supervise(ManagedProcess process) {
        synchronized (lock) {
            Part part = parts.get(process.name());
            if (stopped || part.process != process) {
                return;
            }
            part.supervised = true;
            part.givenUp = false;
            part.downSince = null;
            part.backoff.reset();
            part.backoff.ready(Instant.now());
            watch(part, process);
        }
    }

    /** Called at once, in this thread, when the process has ended already. */
    private void watch(Part part, ManagedProcess process) {
        process.onUnexpectedExit(() -> exited(part, process));
    }

    private void exited(Part part, ManagedProcess process) {
        synchronized (lock) {
            if (!stopped && part.supervised && part.process == process) {
                failed(part, "exit " + process.exitValue());
            }
        }
    }

    /** Under the lock: a supervised part is down. Starts it again after its pause, or leaves it down. */
    private void failed(Part part, String cause) {
        Instant now = Instant.now();
        if (part.downSince == null) {
            part.downSince = now;
        }
        RestartBackoff.Decision decision = part.backoff.failed(now);
        if (decision instanceof RestartBackoff.Restart restart) {
            int generation = part.generation;
            part.pendingRestart = supervisor.schedule(() -> relaunch(part, generation), restart.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
            progress.died(part.name, cause, restart.delay());
        } else if (decision instanceof RestartBackoff.GiveUp giveUp) {
            part.supervised = false;
            part.givenUp = true;
            progress.gaveUp(part.name, giveUp.failures(), giveUp.window(), settings.logFile(part.name));
        }
    }

    /** Supervision's restart, unless someone started or stopped the part on purpose since it was scheduled. */
    private void relaunch(Part part, int generation) {
        ManagedProcess process;
        synchronized (lock) {
            if (stopped || !part.supervised || part.generation != generation) {
                return;
            }
            part.pendingRestart = null;
            try {
                process = launch(part);
            } catch (RuntimeException e) {
                failed(part, "could not be started: " + e.getMessage());
                return;
            }
        }
        Duration timeout = timeout(part.name);
        boolean ready = awaitReadiness(process, timeout);
        synchronized (lock) {
            if (part.process != process || part.generation != generation) {
                return;
            }
            if (ready) {
                Instant now = Instant.now();
                part.backoff.ready(now);
                part.restarts++;
                progress.recovered(part.name, address(part.name), Duration.between(part.downSince, now));
                part.downSince = null;
                launchCache.archiveInBackground();
                return;
            }
        }
        if (process.isAlive() && !Thread.currentThread().isInterrupted()) {
            progress.note(part.name + " was not ready " + seconds(timeout) + " after its restart; ending it");
            // Its exit counts as the next failure.
            process.crash();
        }
    }

    /** Takes a part out of supervision, cancelling a restart it waits for, and returns its process. */
    private Optional<ManagedProcess> hold(String component) {
        synchronized (lock) {
            Part part = parts.get(component);
            if (part == null) {
                return Optional.empty();
            }
            unsupervise(part);
            return Optional.ofNullable(part.process);
        }
    }

    private static void unsupervise(Part part) {
        part.generation++;
        part.supervised = false;
        part.downSince = null;
        if (part.pendingRestart != null) {
            part.pendingRestart.cancel(false);
            part.pendingRestart = null;
        }
    }

    /** Whether the part's process runs and is ready, and supervision is not in the middle of bringing it back. */
    private boolean isUp(String component) {
        ManagedProcess process;
        synchronized (lock) {
            Part part = parts.get(component);
            if (part == null || part.process == null || part.downSince != null) {
                return false;
            }
            process = part.process;
        }
        return process.isAlive() && isReady(component);
    }

    /** Whether the process became ready within the timeout; false as soon as it ends. */
    private boolean awaitReadiness(ManagedProcess process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && !Thread.currentThread().isInterrupted() && Instant.now().isBefore(deadline)) {
            if (isReady(process.name())) {
                return true;
            }
            process.awaitExit(POLL);
        }
        return false;
    }

    private static Duration timeout(String component) {
        return isInfrastructure(component) ? INFRASTRUCTURE_TIMEOUT : SERVICE_TIMEOUT;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a part to be ready", e);
        }
    }

    /** A pause or a time span as a reader wants it: whole seconds, or tenths below ten. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 || millis >= 10_000 ? Math.round(millis / 1000.0) + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private Command command(String component) {
        long launcher = ProcessHandle.current().pid();
        String parent = "--parent=" + launcher;
        String parentPid = "--samverka.runtime.parent-pid=" + launcher;
        String kind = RuntimeSettings.componentOf(component);
        return withSpans(switch (kind) {
            case RuntimeSettings.KAFKA -> new Command("512m", runtimeJar(), "kafka",
                    "--data=" + settings.dataDir(RuntimeSettings.KAFKA),
                    "--port=" + settings.port(RuntimeSettings.KAFKA),
                    "--controller-port=" + settings.port(RuntimeSettings.KAFKA_CONTROLLER), parent);
            // The store keeps its indexes in memory (ADR 0021): at 100,000 projects they and the documents read at
            // once hold 180 MB, and 256 MB left it collecting garbage most of the time.
            case RuntimeSettings.MONGO -> new Command("1g", runtimeJar(), "mongo",
                    "--data=" + settings.dataDir(RuntimeSettings.MONGO),
                    "--port=" + settings.port(RuntimeSettings.MONGO), parent);
            // Spans in memory, as many as fit its heap: traces are for looking at now, not for keeping (ADR 0029).
            // Only its HTTP collector: a KAFKA_BOOTSTRAP_SERVERS or RABBIT_URI of the user's environment, which it
            // would read, must not make it collect from elsewhere.
            case RuntimeSettings.TRACES -> new Command("256m", traceStoreJar(),
                    "--armeria.ports[0].port=" + settings.port(component), "--armeria.ports[0].ip=127.0.0.1",
                    "--armeria.ports[0].protocols=http", "--zipkin.storage.type=mem",
                    "--zipkin.storage.mem.max-spans=100000", "--zipkin.collector.kafka.enabled=false",
                    "--zipkin.collector.rabbitmq.enabled=false", "--zipkin.collector.activemq.enabled=false",
                    "--zipkin.collector.pulsar.enabled=false", "--zipkin.collector.scribe.enabled=false");
            // Each password it checks takes 16 MiB (Argon2id), on top of its store's client and its pages.
            case RuntimeSettings.IDENTITY_PROVIDER -> new Command("256m", serviceJar(component),
                    "--server.port=" + settings.port(component), "--server.address=127.0.0.1", parentPid,
                    "--samverka.identity.issuer=" + issuer(),
                    "--samverka.identity.key-file=" + identities.signingKeyFile(),
                    "--spring.mongodb.uri=" + settings.mongoUri(Identities.DATABASE),
                    "--samverka.identity.accounts-file=" + settings.accountsFile(),
                    "--samverka.identity.runtime-client-secret=" + identities.runtimeClientSecret(),
                    "--samverka.identity.portal-client-secret=" + identities.portalClientSecret(),
                    // A browser may log in at any of the gateways.
                    "--samverka.identity.portal-redirect-uris=" + gatewayUrls("/login/oauth2/code/samverka"),
                    "--samverka.identity.post-logout-redirect-uris=" + gatewayUrls("/"),
                    // Where a person goes once they chose a password: the portal, to log in.
                    "--samverka.identity.portal-url=" + gatewayUrl() + "/");
            case RuntimeSettings.GATEWAY -> {
                Command command = new Command("256m", serviceJar(kind), "--server.port=" + settings.port(component),
                        "--server.address=127.0.0.1", parentPid, "--samverka.security.issuer-uri=" + issuer(),
                        "--samverka.portal.client-secret=" + identities.portalClientSecret(),
                        "--samverka.gateway.rate-limit.exempt-subjects=" + Identities.RUNTIME_CLIENT,
                        // The sessions and the running instances (ADR 0024).
                        "--samverka.gateway.store=localhost:" + settings.port(RuntimeSettings.MONGO));
                for (String service : RuntimeSettings.SERVICES) {
                    command.arguments().add("--samverka.services." + service.replace("-service", "") + "="
                            + String.join(",", settings.urls(service)));
                }
                yield command;
            }
            // reporting-service reads every entry for a report (ADR 0006, ADR 0023): 100,000 projects hold some 300 MB.
            default -> new Command(kind.equals("reporting-service") ? "1g" : "384m", serviceJar(kind),
                    "--server.port=" + settings.port(component),
                    "--server.address=127.0.0.1", parentPid,
                    "--spring.mongodb.uri=" + settings.mongoUri(kind),
                    "--samverka.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers(),
                    "--samverka.security.issuer-uri=" + issuer());
        }, kind);
    }

    /** The application sends its spans to the trace collector, where the platform keeps traces (ADR 0029). */
    private Command withSpans(Command command, String kind) {
        if (settings.traces() && !isInfrastructure(kind)) {
            command.arguments().add("--management.opentelemetry.tracing.export.otlp.endpoint="
                    + settings.url(RuntimeSettings.TRACE_COLLECTOR) + TraceCollector.PATH);
        }
        return command;
    }

    /** Each gateway's address with this path, separated by commas. */
    private String gatewayUrls(String path) {
        return String.join(",", gatewayUrls().stream().map(gateway -> gateway + path).toList());
    }

    private String issuer() {
        return settings.url(RuntimeSettings.IDENTITY_PROVIDER);
    }

    /** What one part runs: small heaps, since a machine of two cores runs seven of these at once. */
    private record Command(String heap, Path jar, List<String> arguments) {

        Command(String heap, Path jar, String... arguments) {
            this(heap, jar, new ArrayList<>(List.of(arguments)));
        }
    }

    /** Waits for a process that was started on purpose; it is supervised once it is ready. */
    private void awaitReady(ManagedProcess process) throws StartupException {
        Instant started = Instant.now();
        String component = process.name();
        Duration timeout = timeout(component);
        while (!isReady(component)) {
            if (!process.isAlive()) {
                throw new StartupException(component + " stopped while starting (exit " + process.exitValue()
                        + "). Its log: " + process.log() + System.lineSeparator() + process.tail(15));
            }
            if (Duration.between(started, Instant.now()).compareTo(timeout) > 0) {
                throw new StartupException(component + " was not ready after " + timeout.toSeconds() + " s. Its log: "
                        + process.log() + System.lineSeparator() + process.tail(15));
            }
            process.awaitExit(POLL);
        }
        supervise(process);
        progress.ready(component, address(component), Duration.between(started, Instant.now()));
    }

    private boolean isReady(String component) {
        return switch (RuntimeSettings.componentOf(component)) {
            case RuntimeSettings.KAFKA -> kafkaReady();
            case RuntimeSettings.MONGO -> listening(settings.port(component));
            // Their health has no readiness group of its own worth asking.
            case RuntimeSettings.GATEWAY, RuntimeSettings.IDENTITY_PROVIDER, RuntimeSettings.TRACES ->
                    healthy(settings.url(component));
            // Ready to serve: its store answers. A broker that is down does not stop it taking writes (the outbox).
            default -> up(settings.url(component) + "/actuator/health/readiness");
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
        return up(url + "/actuator/health");
    }

    /** Whether this health endpoint answers UP. */
    private static boolean up(String healthUrl) {
        try {
            HttpResponse<String> response = HEALTH_CLIENT.send(HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && UP.matcher(response.body()).find();
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

    /** Finds every jar, and unpacks those of a new build side by side rather than one by one as each part starts. */
    private void checkJars() throws StartupException {
        try {
            runtimeJar();
            List<Path> jars = Stream.concat(RuntimeSettings.SERVICES.stream(), Stream.of(RuntimeSettings.GATEWAY,
                    RuntimeSettings.IDENTITY_PROVIDER)).map(this::serviceJar).toList();
            if (settings.traces()) {
                traceStoreJar();
            }
            inParallel(jars, launchCache::unpack);
        } catch (MissingJarException e) {
            throw new StartupException(e.getMessage());
        }
    }

    private Path runtimeJar() {
        return findJar(settings.root().resolve("platform/runtime/target"), "platform-runtime-", "-exec.jar");
    }

    private Path traceStoreJar() {
        return findJar(settings.root().resolve("platform/runtime/target/trace-store"), "zipkin-server-", "-exec.jar");
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
        return component.equals(RuntimeSettings.KAFKA) || component.equals(RuntimeSettings.MONGO)
                || component.equals(RuntimeSettings.TRACES);
    }

    /** Where the trace store's pages are opened in a browser. */
    public static String traceStoreUrl(RuntimeSettings settings) {
        return settings.url(RuntimeSettings.TRACES) + "/zipkin/";
    }

    private String address(String component) {
        return switch (component) {
            case RuntimeSettings.KAFKA -> settings.kafkaBootstrapServers();
            case RuntimeSettings.MONGO -> settings.mongoUri("").replaceAll("/$", "");
            case RuntimeSettings.TRACES -> traceStoreUrl(settings);
            default -> settings.url(component);
        };
    }

    private static void stopInParallel(List<ManagedProcess> processes) {
        inParallel(processes, process -> process.stop(STOP_GRACE));
    }

    /** Does the action to every item at once, and returns when all are done. */
    private static <T> void inParallel(List<T> items, Consumer<T> action) {
        CompletableFuture.allOf(items.stream()
                .map(item -> CompletableFuture.runAsync(() -> action.accept(item)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** A jar that the build should have made is not there. */
    static final class MissingJarException extends RuntimeException {
        MissingJarException(Path directory, String prefix) {
            super("No " + prefix + "*.jar in " + directory + ". Build first: ./mvnw -DskipTests package");
        }
    }
}
