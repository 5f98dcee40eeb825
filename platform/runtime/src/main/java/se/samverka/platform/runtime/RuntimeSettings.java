package se.samverka.platform.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Where the platform's files are and which ports its parts listen on. Every port can be set from the environment,
 * as {@code SAMVERKA_<COMPONENT>_PORT} (e.g. {@code SAMVERKA_GATEWAY_PORT=8090}); {@code SAMVERKA_HOME} moves the
 * data and logs (default: {@code .samverka} in the checkout).
 *
 * @param root  the checkout, where the built jars are
 * @param home  data, logs and process ids
 * @param ports by component name
 * @param demoData whether a first start (one that finds no data) loads the demo data; {@code SAMVERKA_DEMO_DATA=false}
 *                 turns it off
 * <p>
 * The trace store and the trace collector (ADR 0029) are among the ports unless {@code SAMVERKA_TRACES=false}.
 */
public record RuntimeSettings(Path root, Path home, Map<String, Integer> ports, boolean demoData) {

    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String MONGO = "mongo";
    public static final String GATEWAY = "gateway";
    public static final String IDENTITY_PROVIDER = "identity-provider";
    /** The trace store (Zipkin's server), where traces are opened in the browser. */
    public static final String TRACES = "traces";
    /** Where the applications send their spans (OTLP over HTTP); the launcher hands them on to the trace store. */
    public static final String TRACE_COLLECTOR = "trace-collector";
    public static final List<String> SERVICES =
            List.of("partnership-service", "project-service", "reporting-service", "subscription-service");
    /** What may run more than once: the gateway and every service (ADR 0025, ADR 0026, ADR 0027). */
    public static final List<String> REPEATABLE = Stream.concat(Stream.of(GATEWAY), SERVICES.stream()).toList();
    private static final int MAX_INSTANCES = 3;
    private static final int FREE_PORTS_FROM = 20_000;
    private static final int FREE_PORTS_UNTIL = 32_000;
    private static final Random RANDOM = new Random();
    private static final int INSTANCE_PORT_STEP = 100;

    private static final Map<String, Integer> DEFAULT_PORTS = defaults();

    public RuntimeSettings {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    public static RuntimeSettings fromEnvironment(Path root, Map<String, String> environment) throws StartupException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (var entry : DEFAULT_PORTS.entrySet()) {
            String variable = portVariable(entry.getKey());
            String value = environment.get(variable);
            ports.put(entry.getKey(), value == null || value.isBlank() ? entry.getValue() : parsePort(variable, value));
        }
        for (String component : REPEATABLE) {
            int instances = instances(component, environment);
            for (int instance = 2; instance <= instances; instance++) {
                String name = instanceName(component, instance);
                String value = environment.get(portVariable(name));
                ports.put(name, value == null || value.isBlank()
                        ? ports.get(component) + INSTANCE_PORT_STEP * (instance - 1) : parsePort(portVariable(name), value));
            }
        }
        if ("false".equalsIgnoreCase(environment.getOrDefault("SAMVERKA_TRACES", "true").trim())) {
            ports.remove(TRACES);
            ports.remove(TRACE_COLLECTOR);
        }
        String home = environment.get("SAMVERKA_HOME");
        boolean demoData = !"false".equalsIgnoreCase(environment.getOrDefault("SAMVERKA_DEMO_DATA", "true").trim());
        return new RuntimeSettings(root, home == null || home.isBlank() ? root.resolve(".samverka") : Path.of(home), ports,
                demoData);
    }

    /** Settings on ports that are free right now: for tests that start a platform beside anything else. */
    public static RuntimeSettings onFreePorts(Path root, Path home) {
        return onFreePorts(root, home, 1);
    }

    /** The same, with every part that may run more than once ({@link #REPEATABLE}) started this many times. */
    public static RuntimeSettings onFreePorts(Path root, Path home, int instances) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.keySet().forEach(component -> ports.put(component, freePort(ports.values())));
        for (String component : REPEATABLE) {
            for (int instance = 2; instance <= instances; instance++) {
                ports.put(instanceName(component, instance), freePort(ports.values()));
            }
        }
        return new RuntimeSettings(root, home, ports, true);
    }

    /** Whether the platform keeps traces: a trace store runs and every application sends it its spans. */
    public boolean traces() {
        return ports.containsKey(TRACES);
    }

    /** The instances of a component, the first one (the component's own name) first. */
    public List<String> instancesOf(String component) {
        List<String> instances = new ArrayList<>(List.of(component));
        for (int instance = 2; ports.containsKey(instanceName(component, instance)); instance++) {
            instances.add(instanceName(component, instance));
        }
        return instances;
    }

    /** The addresses of a component's instances, the first one's first. */
    public List<String> urls(String component) {
        return instancesOf(component).stream().map(this::url).toList();
    }

    /** What an instance is an instance of: {@code project-service} for {@code project-service-2}. */
    public static String componentOf(String instance) {
        for (String component : REPEATABLE) {
            if (instance.startsWith(component + "-") && instance.substring(component.length() + 1).chars()
                    .allMatch(Character::isDigit)) {
                return component;
            }
        }
        return instance;
    }

    private static String instanceName(String component, int instance) {
        return component + "-" + instance;
    }

    private static String instancesVariable(String component) {
        return "SAMVERKA_" + component.toUpperCase(Locale.ROOT).replace('-', '_') + "_INSTANCES";
    }

    private static int instances(String component, Map<String, String> environment) throws StartupException {
        String variable = instancesVariable(component);
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int instances = Integer.parseInt(value.trim());
            if (instances >= 1 && instances <= MAX_INSTANCES) {
                return instances;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException(variable + "=" + value + " is not a number of instances (1-" + MAX_INSTANCES + ").");
    }

    public static String portVariable(String component) {
        return "SAMVERKA_" + component.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    public int port(String component) {
        Integer port = ports.get(component);
        if (port == null) {
            throw new IllegalArgumentException("no component " + component);
        }
        return port;
    }

    public Path dataDir(String component) {
        return home.resolve("data").resolve(component);
    }

    public Path logFile(String component) {
        return home.resolve("logs").resolve(component + ".log");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + port(KAFKA);
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + port(MONGO) + "/" + database;
    }

    /**
     * The seed of the demo's users and machine clients: the identity provider takes each into its store once (and
     * reads the file again when it changes and a login names someone its store lacks).
     */
    public Path accountsFile() {
        return home.resolve("accounts.json");
    }

    public String url(String component) {
        return "http://localhost:" + port(component);
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(KAFKA, 9092);
        ports.put(KAFKA_CONTROLLER, 9093);
        ports.put(MONGO, 27017);
        ports.put("partnership-service", 8081);
        ports.put("project-service", 8082);
        ports.put("reporting-service", 8083);
        ports.put("subscription-service", 8084);
        ports.put(GATEWAY, 8080);
        ports.put(IDENTITY_PROVIDER, 9000);
        ports.put(TRACES, 9411);
        ports.put(TRACE_COLLECTOR, 4318);
        return ports;
    }

    private static int parsePort(String variable, String value) throws StartupException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException(variable + "=" + value + " is not a port number (1-65535).");
    }

    /**
     * A port nothing listens on now, not among those {@code taken}, and below the range operating systems hand out
     * for outgoing connections (32768 and up on Linux, 49152 and up elsewhere): a port of that range, free when
     * chosen, is now and then given to one of the platform's own connections before the part that is to listen on it
     * starts.
     */
    private static int freePort(Collection<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FREE_PORTS_FROM + RANDOM.nextInt(FREE_PORTS_UNTIL - FREE_PORTS_FROM);
            if (!taken.contains(port) && listenable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FREE_PORTS_FROM + " and " + FREE_PORTS_UNTIL);
    }

    private static boolean listenable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
