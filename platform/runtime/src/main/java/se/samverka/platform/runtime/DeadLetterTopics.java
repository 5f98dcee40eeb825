package se.samverka.platform.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;

/** The partitions of the consumers' dead-letter topics ({@code <topic>.<group>.dlq}), as the broker has them now. */
final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    /** A client of the broker that gives up after the timeout, for the commands that ask it once. */
    static Admin admin(String bootstrapServers, Duration timeout) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
    }

    static List<TopicPartition> partitions(Admin admin, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<String> topics = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                .filter(topic -> topic.endsWith(".dlq")).sorted().toList();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((topic, description) -> description.partitions().forEach(partition ->
                        partitions.add(new TopicPartition(topic, partition.partition()))));
        return partitions;
    }
}
