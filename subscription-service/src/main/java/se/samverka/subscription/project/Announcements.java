package se.samverka.subscription.project;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.MessagingProperties;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import se.samverka.subscription.call.CallEvent;
import se.samverka.subscription.call.CallView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every instance of the service what any of them applied, for what is live only (ADR 0027). The instances
 * split the followed topics' partitions between them, so each applies only some of the events; the one that applies
 * an event sends it, with the project or call before and after it, to a topic of the service's consumer group (named
 * for the projects, which it was first for), and every instance reads that topic from its end, in no group, and hands
 * each event to the listeners' {@code announce}.
 * An event sent while the broker is away is not sent again: a stream is live only, and the portal reloads what it
 * shows.
 */
@Component
public class Announcements implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    /** Long enough for an instance that restarts not to matter, short enough that the topic stays small. */
    private static final Duration KEPT = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    /** How long a start waits to hear the topic: a broker that is away does not hold the service up longer. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(5);

    private final String topic;
    private final String bootstrapServers;
    private final short replicationFactor;
    private final List<FollowedEventListener> listeners;
    private final Counter unsent;
    private volatile KafkaProducer<byte[], byte[]> producer;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread listening;

    public Announcements(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                         @Value("${spring.cloud.stream.default.group}") String group,
                         MessagingProperties messaging, List<FollowedEventListener> listeners, MeterRegistry meters) {
        this.topic = topic(group);
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = messaging.replicationFactor();
        this.listeners = listeners;
        this.unsent = Counter.builder("samverka.subscriptions.announcements.unsent")
                .description("Events applied here that the other instances' live streams did not hear of")
                .register(meters);
    }

    /** The topic the instances of one consumer group tell each other on. */
    static String topic(String group) {
        return "samverka.projects." + group + ".announcements";
    }

    /** Sends the events just applied here to every instance, this one included. */
    void publish(List<FollowedEvent> applied) {
        KafkaProducer<byte[], byte[]> sending = producer;
        if (ready.getCount() > 0 || sending == null) {
            unsent.increment(applied.size());
            return;
        }
        for (FollowedEvent event : applied) {
            byte[] value = written(event);
            try {
                sending.send(new ProducerRecord<>(topic, 0, null, value), (metadata, failure) -> {
                    if (failure != null) {
                        unsent.increment();
                    }
                });
            } catch (RuntimeException failure) {
                unsent.increment();
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // A broker that is away must not hold up the consumer that applies the events.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                new ByteArraySerializer(), new ByteArraySerializer());
        listening = new Thread(this::listen, "announcements");
        listening.setDaemon(true);
        listening.start();
        try {
            if (!ready.await(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Live announcements of project events not ready within {} s; they start once Kafka answers",
                        READY_WITHIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            listening.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(1));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Reads the topic from its end for as long as the service runs, waiting out a broker that is away. */
    private void listen() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> reading = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = reading;
                ensureTopic();
                TopicPartition partition = new TopicPartition(topic, 0);
                reading.assign(List.of(partition));
                reading.seekToEnd(List.of(partition));
                // Fixes where this instance starts hearing, before anything is sent that it should hear.
                reading.position(partition);
                ready.countDown();
                while (running) {
                    reading.poll(POLL).forEach(this::announce);
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException | ExecutionException | TimeoutException failure) {
                log.warn("Live announcements of project events paused ({}); trying again", failure.toString());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void announce(ConsumerRecord<byte[], byte[]> record) {
        try {
            FollowedEvent event = read(record.value()).event();
            for (FollowedEventListener listener : listeners) {
                listener.announce(event);
            }
        } catch (RuntimeException unreadable) {
            log.warn("An announcement at offset {} could not be told to the live streams: {}", record.offset(),
                    unreadable.toString());
        }
    }

    private void ensureTopic() throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicationFactor).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(KEPT.toMillis()))))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    static byte[] written(FollowedEvent event) {
        if (event instanceof CallEvent call) {
            return JSON.writeValueAsBytes(new Announcement(call.envelope(), null, null, call.before(), call.after()));
        }
        ProjectEvent project = (ProjectEvent) event;
        return JSON.writeValueAsBytes(new Announcement(project.envelope(), project.before(), project.after(), null,
                null));
    }

    static Announcement read(byte[] value) {
        return JSON.readValue(value, Announcement.class);
    }

    /**
     * What goes on the topic: the event and its project or call before and after it, all a listener is handed. Which
     * it is, the event's topic says.
     */
    record Announcement(EventEnvelope envelope, ProjectView before, ProjectView after, CallView callBefore,
                        CallView callAfter) {

        FollowedEvent event() {
            Object data = Follower.data(envelope);
            boolean call = EventCatalog.forType(envelope.type())
                    .filter(contract -> contract.topic().equals(PartnershipContracts.CALLS)).isPresent();
            return call ? new CallEvent(envelope, data, callBefore, callAfter)
                    : new ProjectEvent(envelope, data, before, after);
        }
    }
}
