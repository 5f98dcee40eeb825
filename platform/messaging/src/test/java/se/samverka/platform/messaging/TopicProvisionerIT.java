package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import se.samverka.platform.events.Topics;
import se.samverka.platform.messaging.kafka.TopicProvisioner;
import se.samverka.platform.test.TestInfrastructure;

class TopicProvisionerIT {

    private final String bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();

    @Test
    void createsTheEventTopicsWithPartitionsAndUnlimitedRetention() throws Exception {
        new TopicProvisioner(bootstrapServers, 6, (short) 1).ensure(Topics.ALL);

        try (Admin admin = admin()) {
            var descriptions = admin.describeTopics(Topics.ALL).allTopicNames().get();
            assertThat(descriptions.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(6));
            for (String topic : Topics.ALL) {
                assertThat(retention(admin, topic)).isEqualTo("-1");
            }
        }
    }

    @Test
    void liftsTheRetentionLimitOfATopicThatAlreadyExists() throws Exception {
        String topic = "samverka.retention-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("retention.ms", "604800000"))))
                    .all().get();

            new TopicProvisioner(bootstrapServers, 6, (short) 1).ensure(List.of(topic));

            assertThat(retention(admin, topic)).isEqualTo("-1");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .as("partitions are never added: keys would move").hasSize(1);
        }
    }

    @Test
    void servicesStartingTogetherAllGetTheirTopics() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> topics = List.of("samverka.race-test-" + UUID.randomUUID(), "samverka.race-test-" + UUID.randomUUID());
            List<CompletableFuture<Void>> services = IntStream.range(0, 4)
                    .mapToObj(service -> CompletableFuture.runAsync(
                            () -> new TopicProvisioner(bootstrapServers, 6, (short) 1).ensure(topics)))
                    .toList();

            CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            try (Admin admin = admin()) {
                for (String topic : topics) {
                    assertThat(retention(admin, topic)).isEqualTo("-1");
                }
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static String retention(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value();
    }
}
