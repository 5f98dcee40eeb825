package se.samverka.platform.messaging.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import se.samverka.platform.events.Topics;

/**
 * Creates the event topics before any binding starts: several partitions, and retention without limit because the
 * log is what read models are rebuilt from. Every service does this at start; it is idempotent, and a topic that
 * exists with a time or size limit gets it lifted. Dead-letter topics are kept forever too: each holds events that
 * someone must look at.
 */
public class TopicProvisioner implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Map<String, String> KEEP_FOREVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    private static final long TIMEOUT_SECONDS = 60;
    private static final long METADATA_PAUSE_MILLIS = 100;

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(String bootstrapServers, int partitions, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure(Topics.ALL);
    }

    /** Makes sure the topics exist and keep their records forever. */
    public void ensure(Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> existing = new ArrayList<>();
            for (String topic : topics) {
                if (!create(admin, topic)) {
                    existing.add(topic);
                }
            }
            if (!existing.isEmpty()) {
                liftLimits(admin, existing);
            }
            warnAboutPartitions(described(admin, topics), existing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the topics " + topics + " on Kafka at " + bootstrapServers
                    + ": " + e.getMessage(), e);
        }
    }

    /** @return false when the topic existed already */
    private boolean create(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(KEEP_FOREVER);
        try {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Created topic {} with {} partitions, kept forever", topic, partitions);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private void liftLimits(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs = whenKnown(() ->
                admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        for (var topic : configs.entrySet()) {
            List<AlterConfigOp> changes = KEEP_FOREVER.entrySet().stream()
                    .filter(wanted -> {
                        ConfigEntry entry = topic.getValue().get(wanted.getKey());
                        return entry == null || !wanted.getValue().equals(entry.value());
                    })
                    .map(wanted -> new AlterConfigOp(new ConfigEntry(wanted.getKey(), wanted.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            if (!changes.isEmpty()) {
                whenKnown(() -> admin.incrementalAlterConfigs(Map.of(topic.getKey(), changes)).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                log.warn("Topic {} had a retention limit; it now keeps its records forever", topic.getKey().name());
            }
        }
    }

    /** The topics as the broker describes them, once it knows them all: the bindings that start next need them. */
    private static Map<String, TopicDescription> described(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        return whenKnown(() -> admin.describeTopics(Set.copyOf(topics)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Adding partitions would move keys to other partitions and break per-aggregate order, so that stays manual. */
    private void warnAboutPartitions(Map<String, TopicDescription> descriptions, Collection<String> existing) {
        descriptions.values().stream()
                .filter(description -> existing.contains(description.name()))
                .filter(description -> description.partitions().size() < partitions)
                .forEach(description -> log.warn("Topic {} has {} partitions, fewer than the {} configured; left as is",
                        description.name(), description.partitions().size(), partitions));
    }

    /** A question to the broker about topics. */
    @FunctionalInterface
    private interface Question<T> {
        T ask() throws InterruptedException, ExecutionException, TimeoutException;
    }

    /**
     * Asks until the topics are known. Services start together: when another one has just created a topic, this one
     * is told it exists, but the broker's metadata may not show it for some milliseconds more.
     */
    private static <T> T whenKnown(Question<T> question) throws InterruptedException, ExecutionException, TimeoutException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return question.ask();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > giveUp) {
                    throw e;
                }
                Thread.sleep(METADATA_PAUSE_MILLIS);
            }
        }
    }
}
