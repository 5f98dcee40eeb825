package se.samverka.subscription.call;

import java.util.Optional;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallUpdated;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.subscription.project.Follower;

/** How each call event changes a {@link CallView}: its deadlines, closing and withdrawal leave it as it is. */
final class CallViews {

    private CallViews() {
    }

    /** The views alone, without the listeners: what a rebuild fills a new generation with. */
    static Projection<CallView> projection(GenerationalStore<CallView> store) {
        return Projection.of(store, event -> {
            Object data = Follower.data(event);
            return current -> data == null ? current.orElse(null) : next(current, data);
        });
    }

    static CallView next(Optional<CallView> current, Object data) {
        if (data instanceof CallPublished published) {
            return new CallView(published.callId(), published.description());
        }
        if (data instanceof CallUpdated updated) {
            return current.map(call -> new CallView(call.callId(), updated.description())).orElse(null);
        }
        return current.orElse(null);
    }
}
