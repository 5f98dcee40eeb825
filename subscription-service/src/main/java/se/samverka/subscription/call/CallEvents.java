package se.samverka.subscription.call;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.rebuild.RebuildableReadModel;
import se.samverka.subscription.project.Announcements;
import se.samverka.subscription.project.FollowedEventListener;
import se.samverka.subscription.project.Follower;

/**
 * Follows {@code samverka.calls} as the projects are followed ({@link Follower}): partners subscribe to new calls and
 * their deadlines with the same webhooks and live stream as to project events, and see those of the calls they may
 * read. The views are kept in generations, rebuilt from the topic with the views alone.
 */
// Named apart from the binding function "callEvents" of application.yml.
@Component("callFollower")
public class CallEvents {

    private final GenerationalStore<CallView> calls;
    private final Follower<CallView> follower;

    public CallEvents(Generations generations, List<FollowedEventListener> listeners, Announcements announcements) {
        this.calls = generations.store("calls", CallView.class);
        this.follower = new Follower<>(calls, CallViews::next, CallEvent::new, listeners, announcements);
    }

    public Optional<CallView> call(String callId) {
        return calls.serving().find(callId);
    }

    @Configuration(proxyBeanMethods = false)
    static class Bindings {

        /** Bound to {@code samverka.calls} in application.yml. */
        @Bean
        Consumer<Message<List<byte[]>>> callEvents(EventConsumers consumers, CallEvents events) {
            return consumers.readModel(new ReadModelBinding("subscription-calls", "callEvents", events.calls::live,
                    events.follower.handlers()));
        }

        @Bean
        RebuildableReadModel<CallView> callsRebuilt(CallEvents events) {
            return new RebuildableReadModel<>("callEvents", events.calls, CallViews.projection(events.calls));
        }
    }
}
