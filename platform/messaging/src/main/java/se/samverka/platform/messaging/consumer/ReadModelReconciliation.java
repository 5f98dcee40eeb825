package se.samverka.platform.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds every read model of the service against the log it is built from, now and then, and repairs what differs:
 * the safety net under the consumers' own gap filling, for what no later event would reveal (a crash that lost a
 * read model's write of an aggregate's last event, say).
 *
 * <p>For each read model it takes how far the service's consumer group has committed on the topic, then the
 * sequence each aggregate's view reflects, then the newest event of each aggregate in the log (read incrementally:
 * each run reads only what was added since the last). An aggregate whose newest event lies below the committed
 * offset but whose view is older is <em>behind</em>: its missing events are re-read from the log and handed to the
 * read model's handlers, as the consumer would have. A view newer than the log, or of an aggregate the log does not
 * have, is <em>ahead</em>: the log is the truth, so that is only reported. Services still never call each other.
 */
public class ReadModelReconciliation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReconciliation.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * @param firstAfter how long after the start the first run comes (the consumers join their groups meanwhile)
     * @param interval   the pause between runs
     */
    public record Settings(Duration firstAfter, Duration interval) {
    }

    /** What one run found for one read model. */
    public record Finding(String readModel, String topic, int aggregates, int behind, int repaired, int ahead) {

        public boolean drifted() {
            return behind > 0 || ahead > 0;
        }
    }

    private final EventConsumers consumers;
    private final EventLog eventLog;
    private final String bootstrapServers;
    private final UnaryOperator<String> topicOfBinding;
    private final UnaryOperator<String> groupOfBinding;
    private final Predicate<String> consuming;
    private final Settings settings;
    private final MeterRegistry meters;
    private final Map<String, TopicIndex> indexes = new HashMap<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService runs;

    public ReadModelReconciliation(EventConsumers consumers, EventLog eventLog, String bootstrapServers,
                                   UnaryOperator<String> topicOfBinding, UnaryOperator<String> groupOfBinding,
                                   Predicate<String> consuming, Settings settings, MeterRegistry meters) {
        this.consumers = consumers;
        this.eventLog = eventLog;
        this.bootstrapServers = bootstrapServers;
        this.topicOfBinding = topicOfBinding;
        this.groupOfBinding = groupOfBinding;
        this.consuming = consuming;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * One run over every read model this instance consumes now: one whose binding is stopped here is another
     * instance's to write (reporting-service's writer, ADR 0025).
     */
    public synchronized List<Finding> reconcile() {
        List<Finding> findings = new ArrayList<>();
        for (ReadModelBinding readModel : consumers.readModels()) {
            if (consuming.test(readModel.binding())) {
                findings.add(reconcile(readModel));
            }
        }
        return findings;
    }

    private Finding reconcile(ReadModelBinding readModel) {
        String topic = topicOfBinding.apply(readModel.binding());
        // In this order, so that nothing applied between two readings looks like drift.
        Map<Integer, Long> committed = committed(groupOfBinding.apply(readModel.binding()), topic);
        ProjectionStore<?> store = readModel.store().get();
        Map<String, Long> views = store.sequences();
        Map<String, EventLog.Latest> latest = indexes.computeIfAbsent(topic, TopicIndex::new).extend();

        int behind = 0;
        int repaired = 0;
        int ahead = 0;
        for (var aggregate : latest.entrySet()) {
            EventLog.Latest newest = aggregate.getValue();
            long view = views.getOrDefault(aggregate.getKey(), 0L);
            if (view > newest.sequence()) {
                ahead++;
            } else if (view < newest.sequence() && newest.offset() < committed.getOrDefault(newest.partition(), 0L)) {
                behind++;
                log.info("Reconciliation: {} has {} at sequence {}; the log has {} at {}-{}@{}, below the group's {}",
                        readModel.name(), aggregate.getKey(), view, newest.sequence(), topic, newest.partition(),
                        newest.offset(), committed.get(newest.partition()));
                if (repair(readModel, topic, aggregate.getKey(), view + 1, newest)) {
                    repaired++;
                }
            }
        }
        if (repaired > 0) {
            readModel.repaired().run();
        }
        ahead += (int) views.keySet().stream().filter(id -> !latest.containsKey(id)).count();
        Finding finding = new Finding(readModel.name(), topic, views.size(), behind, repaired, ahead);
        record(finding, store.collection());
        return finding;
    }

    private boolean repair(ReadModelBinding readModel, String topic, String aggregateId, long first,
                           EventLog.Latest newest) {
        List<EventLog.LoggedEvent> missing = eventLog.events(topic, newest.partition(), aggregateId, first,
                newest.sequence(), newest.offset() + 1);
        if (missing.size() != newest.sequence() - first + 1) {
            log.error("Reconciliation: {} lacks sequences {} to {} of {}, and the log has only {} of them",
                    readModel.name(), first, newest.sequence(), aggregateId, missing.size());
            return false;
        }
        missing.forEach(event -> consumers.redeliver(readModel, event));
        return true;
    }

    private void record(Finding finding, String collection) {
        Findings counted = Findings.of(finding.readModel(), meters);
        counted.runs().increment();
        counted.behind().increment(finding.behind());
        counted.repaired().increment(finding.repaired());
        counted.ahead().increment(finding.ahead());
        if (finding.drifted()) {
            log.warn("Reconciled {} ({}) with {}: {} aggregates, {} behind the log ({} repaired from it), {} ahead of it",
                    finding.readModel(), collection, finding.topic(), finding.aggregates(), finding.behind(),
                    finding.repaired(), finding.ahead());
        } else {
            log.debug("Reconciled {} ({}) with {}: {} aggregates, all as the log says", finding.readModel(), collection,
                    finding.topic(), finding.aggregates());
        }
    }

    /** What the runs found for one read model, as counted. */
    private record Findings(Counter runs, Counter behind, Counter repaired, Counter ahead) {

        static Findings of(String readModel, MeterRegistry meters) {
            return new Findings(
                    counter("samverka.readmodels.reconciliations", readModel,
                            "Runs of the reconciliation of a read model with its log", meters),
                    counter("samverka.readmodels.drift.behind", readModel,
                            "Aggregates a read model had fallen behind the log on", meters),
                    counter("samverka.readmodels.drift.repaired", readModel,
                            "Aggregates the reconciliation brought up to the log", meters),
                    counter("samverka.readmodels.drift.ahead", readModel,
                            "Aggregates a read model has but the log does not, or newer", meters));
        }

        private static Counter counter(String name, String readModel, String description, MeterRegistry meters) {
            return Counter.builder(name).tag("consumer", readModel).description(description).register(meters);
        }
    }

    /** How far the group has committed on each partition of the topic; a partition without a commit is at 0. */
    private Map<Integer, Long> committed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            Map<Integer, Long> committed = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null && partition.topic().equals(topic)) {
                    committed.put(partition.partition(), offset.offset());
                }
            });
            return committed;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the committed offsets of " + group + " cannot be read: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        // Counted from zero, so that dashboards and alerts on drift have a series before the first run.
        consumers.readModels().forEach(readModel -> Findings.of(readModel.name(), meters));
        synchronized (lifecycle) {
            runs = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "read-model-reconciliation");
                thread.setDaemon(true);
                return thread;
            });
            runs.scheduleWithFixedDelay(this::run, settings.firstAfter().toMillis(), settings.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                log.warn("Reconciliation of the read models failed this time; the next run tries again: {}", e.toString());
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (runs != null) {
                runs.shutdownNow();
                runs = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return runs != null;
        }
    }

    /** Where each aggregate of a topic stands, kept up to date by reading only what was added. */
    private final class TopicIndex {

        private final String topic;
        private final Map<String, EventLog.Latest> latest = new HashMap<>();
        private Map<Integer, Long> read = Map.of();

        private TopicIndex(String topic) {
            this.topic = topic;
        }

        Map<String, EventLog.Latest> extend() {
            Map<Integer, Long> end = eventLog.endOffsets(topic);
            eventLog.scan(topic, read, end, latest);
            read = end;
            return latest;
        }
    }
}
