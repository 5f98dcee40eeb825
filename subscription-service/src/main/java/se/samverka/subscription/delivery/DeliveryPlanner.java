package se.samverka.subscription.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samverka.subscription.SubscriptionSettings;
import se.samverka.subscription.project.DisclosedEvent;
import se.samverka.subscription.project.Disclosure;
import se.samverka.subscription.project.FollowedEvent;
import se.samverka.subscription.project.FollowedEventListener;
import se.samverka.subscription.register.Subscription;
import se.samverka.subscription.register.SubscriptionStore;

/**
 * Turns each project or funding call event into a delivery for every active subscription that wants it and whose
 * subscriber may read it, as that subscriber may see it. Only events after a subscription was made are delivered to
 * it.
 */
@Component
@Order(1)
class DeliveryPlanner implements FollowedEventListener {

    private final SubscriptionStore subscriptions;
    private final Disclosure disclosure;
    private final DeliveryStore deliveries;
    private final DeliverySender sender;
    private final RetrySchedule schedule;
    private final Clock clock;

    DeliveryPlanner(SubscriptionStore subscriptions, Disclosure disclosure, DeliveryStore deliveries,
                    DeliverySender sender, SubscriptionSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.disclosure = disclosure;
        this.deliveries = deliveries;
        this.sender = sender;
        this.schedule = new RetrySchedule(settings.delivery());
        this.clock = clock;
    }

    /**
     * The active subscriptions and the directory read once for the events that arrived together, and their deliveries
     * stored at once.
     */
    @Override
    public Recording recording() {
        List<Subscription> active = subscriptions.active();
        Disclosure.Disclosing disclosing = disclosure.together();
        return Recording.gathering(event -> plan(event, active, disclosing), planned -> {
            if (deliveries.insertAllIfAbsent(planned)) {
                sender.wake();
            }
        });
    }

    private List<Delivery> plan(FollowedEvent event, List<Subscription> active, Disclosure.Disclosing disclosing) {
        Instant eventTime = event.envelope().time().toInstant();
        List<Subscription> wanting = active.stream()
                .filter(s -> !eventTime.isBefore(s.createdAt()))
                .filter(s -> s.follows(event.envelope().type()))
                .toList();
        List<Delivery> planned = new ArrayList<>();
        for (Subscription subscription : wanting) {
            DisclosedEvent disclosed = disclosing.to(subscription.subscriber(), event).orElse(null);
            if (disclosed == null || !wants(subscription, disclosed)) {
                continue;
            }
            Instant now = clock.instant();
            planned.add(new Delivery(UUID.randomUUID().toString(), subscription.id(), event.envelope().id(),
                    event.envelope().type(), event.envelope().aggregateId(), event.envelope().sequence(), eventTime,
                    disclosed.toJson(), DeliveryStatus.PENDING, List.of(), 0, false, now.plus(schedule.first()), null,
                    now, null, event.envelope().traceparent()));
        }
        return planned;
    }

    private static boolean wants(Subscription subscription, DisclosedEvent event) {
        return subscription.filters().stream().allMatch(filter -> filter.matches(event.attributes()))
                && subscription.projects().matches(event.facts());
    }
}
