package se.samverka.subscription.delivery;

import io.micrometer.tracing.Span;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.samverka.platform.messaging.TraceContext;
import se.samverka.subscription.SubscriptionSettings;
import se.samverka.subscription.sink.SinkAnswer;
import se.samverka.subscription.sink.SinkClient;
import se.samverka.subscription.register.Subscription;
import se.samverka.subscription.register.SubscriptionStatus;
import se.samverka.subscription.register.SubscriptionStore;

/**
 * Sends due deliveries: takes each with a lease (so that two instances never send one at once, and one that crashed
 * mid-send is sent again once the lease ran out: at least once), one project's deliveries per subscription in their
 * order, and writes down every attempt. 2xx is delivered; 410 fails it and disables the subscription; anything else is
 * tried again on the schedule (429 and 503 not before their Retry-After) until the last attempt, which fails it, and
 * the project's next delivery goes on.
 */
@Component
class DeliverySender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final int BATCH = 100;

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final SinkClient sinks;
    private final DeliveryMetrics metrics;
    private final SubscriptionSettings.Delivery settings;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final TraceContext traces;
    private final Duration lease;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    DeliverySender(DeliveryStore deliveries, SubscriptionStore subscriptions, SinkClient sinks, DeliveryMetrics metrics,
                   SubscriptionSettings settings, Clock clock, TraceContext traces) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sinks = sinks;
        this.metrics = metrics;
        this.settings = settings.delivery();
        this.schedule = new RetrySchedule(settings.delivery());
        this.clock = clock;
        this.traces = traces;
        // Long enough for a whole attempt, so a slow receiver is not sent the same delivery twice at once.
        this.lease = settings.delivery().timeout().multipliedBy(3);
    }

    /** Something may be due now: new deliveries, a finished one that the next waits for, a redelivery. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                if (!pass()) {
                    sleep(nextDue());
                }
            } catch (RuntimeException e) {
                log.warn("Sending deliveries failed; trying again after {}", settings.pollInterval(), e);
                // Without asking the store when the next is due: while it is down, that would fail too and end the loop.
                sleep(settings.pollInterval());
            }
        }
    }

    /** Starts what is due and may go; true if it started any. */
    private boolean pass() {
        Instant now = clock.instant();
        boolean started = false;
        for (Delivery due : deliveries.due(now, BATCH)) {
            if (inFlight.get() >= settings.senders()) {
                break;
            }
            String chain = due.subscriptionId() + "/" + due.projectId();
            if (!due.manual() && (sending.contains(chain) || deliveries.waitsForEarlier(due))) {
                continue;
            }
            Optional<Delivery> claimed = deliveries.claim(due.id(), now, now.plus(lease));
            if (claimed.isPresent()) {
                started = true;
                inFlight.incrementAndGet();
                if (!due.manual()) {
                    sending.add(chain);
                }
                senders.execute(() -> {
                    try {
                        // In the trace of the request that changed the project (ADR 0029).
                        traces.continueTrace(claimed.get().traceparent(), "deliver " + claimed.get().eventType(),
                                Span.Kind.CLIENT, () -> send(claimed.get()));
                    } catch (RuntimeException e) {
                        log.warn("Delivery {} could not be recorded; it is sent again when its lease ends",
                                claimed.get().id(), e);
                    } finally {
                        if (!due.manual()) {
                            sending.remove(chain);
                        }
                        inFlight.decrementAndGet();
                        wake();
                    }
                });
            }
        }
        return started;
    }

    /** How long until the next delivery is due, at most the poll interval. */
    private Duration nextDue() {
        Instant now = clock.instant();
        return deliveries.nextDue(now).map(at -> Duration.between(now, at))
                .filter(until -> until.compareTo(settings.pollInterval()) < 0).orElse(settings.pollInterval());
    }

    private void sleep(Duration wait) {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(Math.max(1, wait.toNanos()), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void send(Delivery delivery) {
        Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId())
                .filter(s -> s.status() == SubscriptionStatus.ACTIVE);
        if (subscription.isEmpty()) {
            deliveries.abandon(delivery, clock.instant());
            metrics.finished(DeliveryMetrics.Outcome.FAILED);
            return;
        }
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(subscription.get().signingSecrets(at),
                delivery.eventId(), timestamp, delivery.body()));
        long started = System.nanoTime();
        SinkAnswer answer;
        try {
            answer = sinks.post(subscription.get().sink(), headers, delivery.body());
        } catch (IOException e) {
            Attempt attempt = attempt(delivery, at, started, null, SinkClient.describe(e));
            metrics.attemptFailed(DeliveryMetrics.Failure.UNREACHABLE);
            retry(delivery, attempt, null);
            return;
        }
        if (answer.successful()) {
            deliveries.recordAttempt(delivery, attempt(delivery, at, started, answer.status(), null),
                    DeliveryStatus.DELIVERED, null);
            metrics.finished(DeliveryMetrics.Outcome.DELIVERED);
            metrics.delivered(Duration.between(delivery.eventTime(), clock.instant()));
        } else if (answer.status() == 410) {
            Instant now = clock.instant();
            deliveries.recordAttempt(delivery, attempt(delivery, at, started, 410, "410 Gone: the subscription is disabled"),
                    DeliveryStatus.FAILED, null);
            subscriptions.disable(delivery.subscriptionId(), "The receiver answered 410 Gone at " + now, now);
            deliveries.abandonPending(delivery.subscriptionId(), now);
            metrics.attemptFailed(DeliveryMetrics.Failure.CLIENT_ERROR);
            metrics.finished(DeliveryMetrics.Outcome.GONE);
        } else {
            metrics.attemptFailed(DeliveryMetrics.Failure.of(answer.status()));
            boolean asksToWait = answer.status() == 429 || answer.status() == 503;
            retry(delivery, attempt(delivery, at, started, answer.status(), "answered " + answer.status()),
                    asksToWait ? answer.retryAfter() : null);
        }
    }

    private void retry(Delivery delivery, Attempt attempt, Duration retryAfter) {
        Optional<Duration> pause = schedule.pauseAfter(delivery.tries() + 1, retryAfter);
        if (pause.isEmpty()) {
            deliveries.recordAttempt(delivery, attempt, DeliveryStatus.FAILED, null);
            metrics.finished(DeliveryMetrics.Outcome.FAILED);
            return;
        }
        deliveries.recordAttempt(delivery, attempt, DeliveryStatus.PENDING, clock.instant().plus(pause.get()));
    }

    private Attempt attempt(Delivery delivery, Instant at, long started, Integer status, String error) {
        return new Attempt(delivery.attempts().size() + 1, at, status,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), error);
    }

    @Override
    public void start() {
        running = true;
        senders = Executors.newFixedThreadPool(settings.senders(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-sender");
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "delivery-loop");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        senders.shutdown();
        try {
            loop.join(settings.timeout().toMillis());
            senders.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
