package se.samverka.platform.messaging.kafka;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.util.backoff.BackOff;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.messaging.deadletter.DeadLetterTopics;

/**
 * What a consumer does with a record it cannot process:
 * <ul>
 *   <li>a poison record (not a CloudEvent, or data that breaks its contract) goes to {@code <topic>.<group>.dlq}
 *       at once, and the consumer moves on;</li>
 *   <li>an outage of the infrastructure (MongoDB or Kafka unreachable) is waited out: the record is retried with
 *       growing pauses for as long as it takes, because parking it would leave a gap in the read model;</li>
 *   <li>any other failure is retried a few times, then dead-lettered.</li>
 * </ul>
 * The record is committed only after it was processed or dead-lettered, so nothing is lost either way.
 */
public class DeadLetterPolicy implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);
    /** Why a record was parked, in words: the root cause, where Kafka's own headers name the listener's wrapper. */
    public static final String REASON_HEADER = "samverka_dlt-reason";

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final TopicProvisioner topics;
    private final BackOff outageBackOff;
    private final BackOff failureBackOff;
    private final MeterRegistry meters;
    private final DeadLetterTopics deadLetterTopics;

    /**
     * @param producers        how dead letters are sent; closed with this policy
     * @param deadLetterTopics where each group parks what it could not apply, told of every record parked
     */
    public DeadLetterPolicy(DefaultKafkaProducerFactory<byte[], byte[]> producers, TopicProvisioner topics,
                            BackOff outageBackOff, BackOff failureBackOff, MeterRegistry meters,
                            DeadLetterTopics deadLetterTopics) {
        this.producers = producers;
        this.deadLetters = new KafkaTemplate<>(producers);
        this.topics = topics;
        this.outageBackOff = outageBackOff;
        this.failureBackOff = failureBackOff;
        this.meters = meters;
        this.deadLetterTopics = deadLetterTopics;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        List<String> consumed = Arrays.stream(destinationName.split(",")).map(String::trim).toList();
        topics.ensure(consumed.stream().map(topic -> deadLetterTopics.watch(topic, group).deadLetterTopic()).toList());
        // Counted from zero, so that an alert on the first dead letter has a series to compare with.
        Map<String, Counter> parked = new ConcurrentHashMap<>(consumed.stream()
                .collect(Collectors.toMap(topic -> topic, topic -> deadLettered(topic, group), (a, b) -> a)));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, exception) -> {
            String deadLetterTopic = deadLetterTopics.watch(record.topic(), group).deadLetterTopic();
            parked.computeIfAbsent(record.topic(), topic -> deadLettered(topic, group)).increment();
            deadLetterTopics.parked(deadLetterTopic);
            log.error("Parking {}-{}@{} in {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetterTopic, rootCause(exception).toString());
            return new TopicPartition(deadLetterTopic, -1);
        });
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {new RecordHeader(REASON_HEADER,
                rootCause(exception).toString().getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler errorHandler = new BatchErrorHandler(recoverer, failureBackOff);
        errorHandler.addNotRetryableExceptions(PoisonEventException.class);
        errorHandler.setBackOffFunction((record, exception) -> isOutage(exception) ? outageBackOff : null);
        container.setCommonErrorHandler(errorHandler);
    }

    private Counter deadLettered(String topic, String group) {
        return Counter.builder("samverka.events.dead.lettered").tag("topic", topic).tag("group", group)
                .description("Records a consumer could not process and parked in its dead-letter topic")
                .register(meters);
    }

    /**
     * The exception as the container's error handler must see it to park only the record that failed: where the
     * binding's error channel could not take the failure (seen with no subscriber, in a test context resumed), the
     * {@link BatchListenerFailedException} that names the record is the payload of the failed error message, not a
     * cause, and without it the whole batch would be parked, good records with it (spring-cloud-stream#2632).
     */
    public static Exception naming(Exception exception) {
        BatchListenerFailedException failed = failedRecord(exception);
        return failed == null ? exception : failed;
    }

    private static BatchListenerFailedException failedRecord(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException failed) {
                return failed;
            }
            if (cause instanceof MessagingException messaging && messaging.getFailedMessage() instanceof ErrorMessage error) {
                BatchListenerFailedException failed = failedRecord(error.getPayload());
                if (failed != null) {
                    return failed;
                }
            }
        }
        return null;
    }

    public static boolean isOutage(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RetriableException
                    || (cause instanceof MongoException mongo && isNetworkOrTimeout(mongo))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNetworkOrTimeout(MongoException exception) {
        return exception instanceof com.mongodb.MongoSocketException
                || exception instanceof com.mongodb.MongoTimeoutException
                || exception.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL);
    }

    /** Kafka's error handler, told which record of a batch failed however the binding wrapped it. */
    private static final class BatchErrorHandler extends DefaultErrorHandler {

        BatchErrorHandler(DeadLetterPublishingRecoverer recoverer, BackOff backOff) {
            super(recoverer, backOff);
        }

        @Override
        public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                                MessageListenerContainer container, Runnable invokeListener) {
            super.handleBatch(naming(thrown), data, consumer, container, invokeListener);
        }

        @Override
        public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrown, ConsumerRecords<?, ?> data,
                Consumer<?, ?> consumer, MessageListenerContainer container, Runnable invokeListener) {
            return super.handleBatchAndReturnRemaining(naming(thrown), data, consumer, container, invokeListener);
        }
    }

    /** The innermost cause, which says what went wrong where the outer ones name the listener's wrappers. */
    public static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
