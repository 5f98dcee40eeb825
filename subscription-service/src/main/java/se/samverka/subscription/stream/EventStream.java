package se.samverka.subscription.stream;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.samverka.platform.security.Caller;
import se.samverka.subscription.SubscriptionSettings;
import se.samverka.subscription.project.DisclosedEvent;
import se.samverka.subscription.project.Disclosure;
import se.samverka.subscription.project.FollowedEvent;
import se.samverka.subscription.project.FollowedEventListener;

/**
 * Live project and funding call events for the portal's open pages: every open stream gets the events its caller may
 * read, as that caller may see them. Live only: an event is announced once, when first applied; nothing is replayed
 * after a reconnect (the portal reloads what it shows).
 */
@Component
@Order(3)
public class EventStream implements FollowedEventListener, DisposableBean {

    private final Disclosure disclosure;
    private final SubscriptionSettings.Stream settings;
    private final Map<SseEmitter, Caller> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-stream-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    public EventStream(Disclosure disclosure, SubscriptionSettings settings) {
        this.disclosure = disclosure;
        this.settings = settings.stream();
        long every = this.settings.keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(Caller caller) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        open.put(emitter, caller);
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(error -> open.remove(emitter));
        // A first comment commits the response, so clients and proxies see the stream is open.
        send(emitter, SseEmitter.event().comment("open"));
        return emitter;
    }

    @Override
    public void announce(FollowedEvent event) {
        Disclosure.Disclosing disclosing = disclosure.together();
        open.forEach((emitter, caller) -> disclosing.to(caller, event).ifPresent(disclosed -> send(emitter,
                SseEmitter.event().id(disclosed.envelope().id()).name(disclosed.envelope().type())
                        .data(disclosed.toJson(), MediaType.APPLICATION_JSON))));
    }

    private void keepAlive() {
        open.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException gone) {
            open.remove(emitter);
            emitter.completeWithError(gone);
        }
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
        open.keySet().forEach(SseEmitter::complete);
    }
}
