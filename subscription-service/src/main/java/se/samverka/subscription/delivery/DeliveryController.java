package se.samverka.subscription.delivery;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.subscription.register.SubscriptionRemoved;
import se.samverka.subscription.register.Subscriptions;

/** A subscription's delivery log, and manual redelivery. Who may see the subscription may see and redeliver these. */
@RestController
class DeliveryController {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "eventTime", "eventTime");

    private final Subscriptions subscriptions;
    private final DeliveryStore deliveries;
    private final DeliverySender sender;
    private final Clock clock;

    DeliveryController(Subscriptions subscriptions, DeliveryStore deliveries, DeliverySender sender, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    @GetMapping("/api/subscriptions/{id}/deliveries")
    PageResponse<DeliveryResource> log(@PathVariable String id,
                                       @RequestParam(required = false) DeliveryStatus status,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String sort) {
        String subscriptionId = subscriptions.get(id).id();
        Paging paging = Paging.of(page, size, sort, SORTABLE,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("sequence")));
        return PageResponse.of(deliveries.page(subscriptionId, status, paging.pageable()), DeliveryResource::of);
    }

    @GetMapping("/api/subscriptions/{id}/deliveries/{deliveryId}")
    DeliveryResource get(@PathVariable String id, @PathVariable String deliveryId) {
        String subscriptionId = subscriptions.get(id).id();
        return deliveries.find(subscriptionId, deliveryId).map(DeliveryResource::of)
                .orElseThrow(() -> new NotFoundException("not-found.delivery", deliveryId));
    }

    /** 202: sent again at once, with a new round of attempts. */
    @PostMapping("/api/subscriptions/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<DeliveryResource> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        String subscriptionId = subscriptions.get(id).id();
        DeliveryResource again = deliveries.redeliver(subscriptionId, deliveryId, clock.instant())
                .map(DeliveryResource::of).orElseThrow(() -> new NotFoundException("not-found.delivery", deliveryId));
        sender.wake();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(again);
    }

    @EventListener
    void removed(SubscriptionRemoved removed) {
        deliveries.deleteOf(removed.subscriptionId());
    }
}
