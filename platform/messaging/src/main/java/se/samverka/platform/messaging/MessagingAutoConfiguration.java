package se.samverka.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventLog;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.platform.messaging.consumer.ReadModelReconciliation;
import se.samverka.platform.messaging.deadletter.DeadLetterDecisions;
import se.samverka.platform.messaging.deadletter.DeadLetterLog;
import se.samverka.platform.messaging.deadletter.DeadLetterTopics;
import se.samverka.platform.messaging.deadletter.DeadLetters;
import se.samverka.platform.messaging.kafka.CloudEventsHeaderMapper;
import se.samverka.platform.messaging.kafka.DeadLetterPolicy;
import se.samverka.platform.messaging.kafka.TopicProvisioner;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.rebuild.ReadModelRebuilds;
import se.samverka.platform.messaging.rebuild.RebuildController;
import se.samverka.platform.messaging.rebuild.RebuildLedger;
import se.samverka.platform.messaging.rebuild.RebuildOperations;
import se.samverka.platform.messaging.rebuild.RebuildableReadModel;
import se.samverka.platform.messaging.outbox.EventPublisher;
import se.samverka.platform.messaging.outbox.EventRecorder;
import se.samverka.platform.messaging.outbox.KafkaEventPublisher;
import se.samverka.platform.messaging.outbox.OutboxRelay;
import se.samverka.platform.messaging.outbox.TracedEventPublisher;

/** The event backbone of a Samverka service: outbox and relay, topics, consumers, dead letters. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Replaces Boot's MongoDB health indicator, found by this name. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    EventRecorder eventRecorder(Clock clock, TraceContext traceContext) {
        return new EventRecorder(clock, traceContext);
    }

    @Bean
    AggregateStores aggregateStores(MongoOperations mongo, EventRecorder recorder) {
        return new AggregateStores(mongo, recorder);
    }

    /**
     * The relay's producer: every send is answered within the relay's delivery timeout, while the aggregate is still
     * leased; a short linger, because a pass sends its batch at once anyway.
     */
    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                                  MessagingProperties properties, MeterRegistry meters) {
        int linger = 1;
        int deliveryTimeout = (int) properties.relay().deliveryTimeout().toMillis();
        int requestTimeout = Math.min(5_000, deliveryTimeout - linger);
        Map<String, Object> relay = new HashMap<>(acknowledgedByAll(bootstrapServers));
        relay.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        relay.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        relay.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        relay.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
        DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(relay,
                new ByteArraySerializer(), new ByteArraySerializer());
        producers.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaEventPublisher(new KafkaTemplate<>(producers));
    }

    /** Every record this platform produces waits for all in-sync replicas, without duplicates from retries. */
    private static Map<String, Object> acknowledgedByAll(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Bean
    OutboxRelay outboxRelay(MongoOperations mongo, AggregateStores stores, EventPublisher publisher, Clock clock,
                            MessagingProperties properties, MeterRegistry meters, TraceContext traceContext,
                            @Value("${spring.application.name}") String application) {
        MessagingProperties.Relay relay = properties.relay();
        OutboxRelay outboxRelay = new OutboxRelay(mongo, stores, new TracedEventPublisher(publisher, traceContext), clock,
                new OutboxRelay.Settings("/" + application, relay.pollInterval(), relay.sweepInterval(), relay.lease(),
                        relay.batchSize(), relay.deliveryTimeout()),
                meters);
        stores.onEventRecorded(outboxRelay::wake);
        return outboxRelay;
    }

    @Bean
    TopicProvisioner topicProvisioner(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                                      MessagingProperties properties) {
        return new TopicProvisioner(bootstrapServers, properties.partitions(), properties.replicationFactor());
    }

    /** The binder finds it by this name. */
    @Bean
    CloudEventsHeaderMapper kafkaBinderHeaderMapper() {
        return new CloudEventsHeaderMapper();
    }

    @Bean
    DeadLetterTopics deadLetterTopics(MeterRegistry meters) {
        return new DeadLetterTopics(meters);
    }

    @Bean
    DeadLetterPolicy deadLetterPolicy(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                                      TopicProvisioner topics, MessagingProperties properties, MeterRegistry meters,
                                      DeadLetterTopics deadLetterTopics) {
        DefaultKafkaProducerFactory<byte[], byte[]> deadLetters = new DefaultKafkaProducerFactory<>(
                acknowledgedByAll(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
        MessagingProperties.Consumer consumer = properties.consumer();
        ExponentialBackOff outage = new ExponentialBackOff(consumer.retryInterval().toMillis(), 2.0);
        outage.setMaxInterval(consumer.maxRetryInterval().toMillis());
        FixedBackOff failure = new FixedBackOff(consumer.retryInterval().toMillis(), consumer.attempts() - 1L);
        return new DeadLetterPolicy(deadLetters, topics, outage, failure, meters, deadLetterTopics);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterTopics topics, @Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                            MongoOperations mongo, EventConsumers consumers, BindingServiceProperties bindings,
                            BindingsLifecycleController lifecycles, Clock clock, MessagingProperties properties) {
        return new DeadLetters(topics, new DeadLetterLog(bootstrapServers), new DeadLetterDecisions(mongo), consumers,
                bindings::getBindingDestination, bindings::getGroup, consuming(lifecycles), clock,
                properties.deadLetters().countEvery());
    }

    @Bean
    EventLog eventLog(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers) {
        return new EventLog(bootstrapServers);
    }

    @Bean
    EventConsumers eventConsumers(TraceContext traceContext, MeterRegistry meters, EventLog eventLog) {
        return new EventConsumers(traceContext, meters, eventLog);
    }

    @Bean
    ReadModelReconciliation readModelReconciliation(EventConsumers consumers, EventLog eventLog,
                                                    @Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                                                    BindingServiceProperties bindings,
                                                    BindingsLifecycleController lifecycles,
                                                    MessagingProperties properties, MeterRegistry meters) {
        MessagingProperties.Reconciliation reconciliation = properties.reconciliation();
        return new ReadModelReconciliation(consumers, eventLog, bootstrapServers, bindings::getBindingDestination,
                bindings::getGroup, consuming(lifecycles),
                new ReadModelReconciliation.Settings(reconciliation.firstAfter(),
                        reconciliation.interval()), meters);
    }

    /** Whether a binding's consumer runs at this instance (reporting-service's writer runs them, ADR 0025). */
    private static Predicate<String> consuming(BindingsLifecycleController lifecycles) {
        return binding -> lifecycles.queryState(binding).stream().anyMatch(Binding::isRunning);
    }

    @Bean
    ProjectionStores projectionStores(MongoOperations mongo, MeterRegistry meters) {
        return new ProjectionStores(mongo, meters);
    }

    @Bean
    Generations generations(MongoOperations mongo, ProjectionStores stores, Clock clock,
                            MessagingProperties properties) {
        return new Generations(mongo, stores, clock, properties.rebuild().dropAfter());
    }

    @Bean
    @ConditionalOnMissingBean
    RebuildLedger rebuildLedger(MongoOperations mongo, Clock clock) {
        return new RebuildLedger(mongo, clock);
    }

    /** Where a service has read models to rebuild and rebuilds them no way of its own (reporting has one). */
    @Bean
    @ConditionalOnBean(RebuildableReadModel.class)
    @ConditionalOnMissingBean(RebuildOperations.class)
    ReadModelRebuilds readModelRebuilds(List<RebuildableReadModel<?>> models, BindingServiceProperties bindings,
                                        Generations generations, RebuildLedger ledger,
                                        @Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                                        Clock clock) {
        return new ReadModelRebuilds(models, bindings::getBindingDestination, generations, ledger, bootstrapServers,
                clock);
    }

    @Bean
    @ConditionalOnBean(RebuildOperations.class)
    @ConditionalOnMissingBean(RebuildController.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RebuildController operationsRebuildController(RebuildOperations rebuilds) {
        return new RebuildController(rebuilds);
    }
}
