package se.samverka.gateway.revocations;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.DownstreamSettings;
import se.samverka.gateway.downstream.Instances;
import se.samverka.gateway.downstream.Service;
import tools.jackson.databind.JsonNode;

/**
 * Asks the identity provider what it revoked since it last answered, every {@code poll-interval}, as anyone (its list
 * holds no personal data). It starts in the background: the gateway is up and ready without the provider, as it is
 * for routing with the signing keys it fetches at the first token. A poll without an answer keeps what was known and
 * asks again from the same time at the next. It is its own retry, so it goes to the provider's instances past the
 * circuit breaker the accounts' pages share: a slow poll must not close those pages, nor an open breaker stop it.
 */
@Component
class RevocationPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationPolling.class);

    private final WebClient client;
    private final Instances instances;
    private final Duration timeout;
    private final Revocations revocations;
    private final RevocationSettings settings;
    /** The provider's own time of its last answer: its clock, not this one, decides what is new. */
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private volatile Disposable polling;

    /** @param downstream how long a poll may take: as long as a view's leg */
    RevocationPolling(WebClient.Builder builder, Instances instances, DownstreamSettings downstream,
                      Revocations revocations, RevocationSettings settings) {
        this.client = builder.build();
        this.instances = instances;
        this.timeout = downstream.legTimeout();
        this.revocations = revocations;
        this.settings = settings;
        this.since.set(Instant.now().minus(settings.lookBack()));
    }

    @Override
    public void start() {
        // A poll that outlasts the interval lets the ticks meanwhile pass: never two polls at once.
        polling = Flux.interval(Duration.ZERO, settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> poll(), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = polling;
        return running != null && !running.isDisposed();
    }

    /** One question to the provider; never an error. */
    private Mono<Void> poll() {
        return instances.call(Service.IDENTITY, provider -> client.get()
                        .uri(provider + "/api/accounts/revocations?since={since}", since.get())
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(JsonNode.class))
                .timeout(timeout)
                .map(revocations::take)
                .onErrorReturn(Optional.empty())
                .defaultIfEmpty(Optional.empty())
                .doOnNext(now -> {
                    now.ifPresent(since::set);
                    if (answering.getAndSet(now.isPresent()) != now.isPresent()) {
                        if (now.isPresent()) {
                            log.info("The identity provider's revocations are read again");
                        } else {
                            log.warn("The identity provider's revocations cannot be read; asking again every {}",
                                    settings.pollInterval());
                        }
                    }
                    revocations.forgetBefore(Instant.now().minus(settings.lookBack()));
                })
                .then();
    }
}
