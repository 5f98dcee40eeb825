package se.samverka.subscription.register;

import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.VersionedResponses;

@RestController
class SubscriptionController {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "sink", "sink");

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** 201 with the signing secret, the only time it is shown (besides a rotation). */
    @PostMapping("/api/subscriptions")
    ResponseEntity<SubscriptionResource> create(@RequestBody SubscriptionDetails details) {
        Subscription created = subscriptions.create(details);
        return VersionedResponses.created("/api/subscriptions/" + created.id(), created.version(),
                SubscriptionResource.withSecret(created));
    }

    @GetMapping("/api/subscriptions")
    PageResponse<SubscriptionResource> list(@RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size,
                                            @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, SORTABLE, Sort.by("createdAt", "_id"));
        return PageResponse.of(subscriptions.list(paging), SubscriptionResource::of);
    }

    @GetMapping("/api/subscriptions/{id}")
    ResponseEntity<SubscriptionResource> get(@PathVariable String id) {
        Subscription subscription = subscriptions.get(id);
        return VersionedResponses.ok(subscription.version(), SubscriptionResource.of(subscription));
    }

    @PutMapping("/api/subscriptions/{id}")
    ResponseEntity<SubscriptionResource> update(@PathVariable String id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestBody SubscriptionDetails details) {
        Subscription updated = subscriptions.update(id, ifMatch, details);
        return VersionedResponses.ok(updated.version(), SubscriptionResource.of(updated));
    }

    @DeleteMapping("/api/subscriptions/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        subscriptions.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** A new signing secret, shown once; the old one keeps signing beside it for the overlap. */
    @PostMapping("/api/subscriptions/{id}/secret")
    ResponseEntity<SubscriptionResource> rotateSecret(@PathVariable String id,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Subscription rotated = subscriptions.rotateSecret(id, ifMatch);
        return VersionedResponses.ok(rotated.version(), SubscriptionResource.withSecret(rotated));
    }
}
