package se.samverka.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.Locale;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real infrastructure integration tests run against, started once per JVM and shared by every test and Spring
 * context in it. Where a Docker engine runs: Testcontainers with a real MongoDB (replica set) and a real Apache
 * Kafka. Where none runs (as on CI): the embedded KRaft broker of spring-kafka-test and mongo-java-server, the
 * Mongo-wire server the embedded runtime uses. {@code -Dsamverka.test.infrastructure=embedded|containers}
 * forces a mode.
 */
public abstract sealed class TestInfrastructure {

    public static final String MODE_PROPERTY = "samverka.test.infrastructure";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static TestInfrastructure instance;

    /** The JVM's infrastructure, started on first use and stopped when the JVM ends. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = start(chooseMode());
            System.out.println("Samverka test infrastructure: " + instance.describe());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infrastructure-stop"));
        }
        return instance;
    }

    public abstract String kafkaBootstrapServers();

    /** A connection string for the given database. */
    public abstract String mongoUri(String database);

    public abstract String mode();

    abstract String describe();

    abstract void stop();

    static String chooseMode() {
        String forced = System.getProperty(MODE_PROPERTY, System.getenv("SAMVERKA_TEST_INFRASTRUCTURE"));
        if (forced != null && !forced.isBlank()) {
            String mode = forced.trim().toLowerCase(Locale.ROOT);
            if (!mode.equals("embedded") && !mode.equals("containers")) {
                throw new IllegalArgumentException(MODE_PROPERTY + " must be 'embedded' or 'containers', was '" + forced + "'");
            }
            return mode;
        }
        return DockerClientFactory.instance().isDockerAvailable() ? "containers" : "embedded";
    }

    private static TestInfrastructure start(String mode) {
        return mode.equals("containers") ? new Containers() : new Embedded();
    }

    static final class Embedded extends TestInfrastructure {

        private final MongoServer mongo;
        private final String mongoAddress;
        /** Started when first asked for: a JVM whose tests need only the store (the gateway's) starts no broker. */
        private EmbeddedKafkaKraftBroker kafka;

        Embedded() {
            // The H2 backend in memory: the same storage engine the embedded runtime keeps on disk.
            mongo = new MongoServer(H2Backend.inMemory());
            var address = mongo.bind();
            mongoAddress = address.getHostString() + ":" + address.getPort();
        }

        @Override
        public synchronized String kafkaBootstrapServers() {
            if (kafka == null) {
                kafka = new EmbeddedKafkaKraftBroker(1, 1);
                kafka.kafkaPorts(0);
                kafka.afterPropertiesSet();
            }
            return kafka.getBrokersAsString();
        }

        @Override
        public String mongoUri(String database) {
            return "mongodb://" + mongoAddress + "/" + database;
        }

        @Override
        public String mode() {
            return "embedded";
        }

        @Override
        String describe() {
            return "embedded (no Docker engine): Kafka KRaft broker when first asked for, mongo-java-server (H2 "
                    + "backend) at " + mongoAddress;
        }

        @Override
        synchronized void stop() {
            mongo.shutdownNow();
            if (kafka != null) {
                kafka.destroy();
            }
        }
    }

    static final class Containers extends TestInfrastructure {

        private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();

        Containers() {
            kafka.start();
            mongo.start();
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String mongoUri(String database) {
            return mongo.getReplicaSetUrl(database);
        }

        @Override
        public String mode() {
            return "containers";
        }

        @Override
        String describe() {
            return "Testcontainers (Docker engine found): " + KAFKA_IMAGE + " at " + kafkaBootstrapServers()
                    + ", " + MONGO_IMAGE + " replica set at " + mongo.getConnectionString();
        }

        @Override
        void stop() {
            mongo.stop();
            kafka.stop();
        }
    }
}
