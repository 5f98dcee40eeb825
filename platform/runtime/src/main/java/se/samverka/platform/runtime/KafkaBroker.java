package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode, one node that is both broker and controller, its log kept in the data
 * folder. The storage is formatted once, on the first start; later starts find their topics and offsets again.
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static void run(Path data, int port, int controllerPort) {
        try {
            Files.createDirectories(data);
            Path logs = data.resolve("log");
            Path config = data.resolve("server.properties");
            writeConfig(config, logs, port, controllerPort);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                int formatted = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                        "--config", config.toString(), "--ignore-formatted"}, System.out);
                if (formatted != 0) {
                    throw new IllegalStateException("formatting the Kafka storage in " + logs + " failed (" + formatted + ")");
                }
            }
            Kafka.main(new String[] {config.toString()});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The effective configuration, written anew at every start so that changed ports take effect. */
    static void writeConfig(Path file, Path logs, int port, int controllerPort) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logs.toString());
        config.put("num.partitions", "6");
        // One node: the internal topics cannot have more replicas than that.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        /*
         * Started again after a crash, the broker may register only once its controller (the same process, restarted)
         * has let the old registration's session expire: 9 s by default, 4 s here. Heartbeats every second leave a
         * stall of 3 s before the broker would be fenced.
         */
        config.put("broker.session.timeout.ms", "4000");
        config.put("broker.heartbeat.interval.ms", "1000");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("# Written by ./samverka at every start of the embedded broker.\n");
            for (var entry : config.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
    }
}
