package se.samverka.subscription.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Does something with every followed event (a project's, a funding call's), once its aggregate's view after it is
 * known.
 */
public interface FollowedEventListener {

    /**
     * What records the events that arrived together, in their order, before they count as applied: what must not be
     * lost (a crash after it and before the views are stored repeats it, so it must be idempotent). A listener may
     * read once what each of them needs, and write once what they leave ({@link Recording#flush}).
     */
    default Recording recording() {
        return event -> {
        };
    }

    /**
     * After the event was applied for the first time, at any instance of the service: what is live only (a stream to
     * browsers). Called at every instance ({@link Announcements}).
     */
    default void announce(FollowedEvent event) {
    }

    /** Records events one after the other, and is flushed before the views that tell of them are stored. */
    interface Recording extends Consumer<FollowedEvent> {

        /** Makes durable what the events recorded so far left to write. */
        default void flush() {
        }

        /** Gathers what each event leaves to write, and writes what was gathered at each flush. */
        static <T> Recording gathering(Function<FollowedEvent, ? extends Collection<T>> leaves,
                                       Consumer<List<T>> write) {
            List<T> gathered = new ArrayList<>();
            return new Recording() {
                @Override
                public void accept(FollowedEvent event) {
                    gathered.addAll(leaves.apply(event));
                }

                @Override
                public void flush() {
                    if (!gathered.isEmpty()) {
                        write.accept(List.copyOf(gathered));
                        gathered.clear();
                    }
                }
            };
        }
    }
}
