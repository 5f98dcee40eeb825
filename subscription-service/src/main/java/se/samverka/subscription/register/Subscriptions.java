package se.samverka.subscription.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.subscription.SubscriptionSettings;
import se.samverka.subscription.sink.SinkClient;
import se.samverka.subscription.sink.SinkGuard;

/**
 * Registers and manages subscriptions. A signed-in caller with an organisation subscribes for it; its subscriptions
 * are its organisation's, seen and managed by that organisation only (others get 404), and by the ADMIN.
 */
@Service
public class Subscriptions {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_CRITERIA = 50;
    private static final int MAX_SINK_LENGTH = 2048;

    private final SubscriptionStore store;
    private final Callers callers;
    private final SinkGuard guard;
    private final SinkClient sinks;
    private final SubscriptionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Subscriptions(SubscriptionStore store, Callers callers, SinkGuard guard, SinkClient sinks,
                         SubscriptionSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.guard = guard;
        this.sinks = sinks;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    Subscription create(SubscriptionDetails details) {
        Caller caller = callers.require(c -> !c.isAnonymous(), "access.subscribe");
        if (!caller.is(Role.ADMIN) && caller.organisationId() == null) {
            throw new AccessDeniedException(true, "access.organisation");
        }
        Valid valid = validate(details, true);
        Instant now = clock.instant();
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), 1, caller.organisationId(),
                caller.subject(), caller.name(), caller.role(), valid.sink(), "HTTP", valid.types(), valid.filters(),
                valid.projects(), SubscriptionStatus.ACTIVE, null, SigningSecrets.generate(), null, null, now, now);
        store.insert(subscription);
        return subscription;
    }

    /** A subscription the current caller may see; 404 for one of another organisation, as if it did not exist. */
    public Subscription get(String id) {
        Caller caller = signedIn();
        return store.find(id).filter(s -> manages(caller, s))
                .orElseThrow(() -> new NotFoundException("not-found.subscription", id));
    }

    Page<Subscription> list(Paging paging) {
        Caller caller = signedIn();
        return store.page(caller.organisationId(), caller.is(Role.ADMIN), paging.pageable());
    }

    /**
     * Replaces what the subscription follows and where it delivers. The sink is verified again when it changed or the
     * subscription was disabled; a disabled subscription becomes active again.
     */
    Subscription update(String id, String ifMatch, SubscriptionDetails details) {
        long expected = Preconditions.expectedVersion(ifMatch);
        Subscription current = get(id);
        Preconditions.requireVersion(current.version(), expected);
        Valid valid = validate(details, !current.sink().equals(details.sink()) || current.status() != SubscriptionStatus.ACTIVE);
        Subscription changed = new Subscription(current.id(), current.version() + 1, current.organisationId(),
                current.subscriberSubject(), current.subscriberName(), current.subscriberRole(), valid.sink(), "HTTP",
                valid.types(), valid.filters(), valid.projects(), SubscriptionStatus.ACTIVE, null, current.secret(),
                current.previousSecret(), current.previousSecretUntil(), current.createdAt(), clock.instant());
        store.replace(changed);
        return changed;
    }

    /** A new signing secret; the old one keeps signing beside it for the configured overlap. */
    Subscription rotateSecret(String id, String ifMatch) {
        long expected = Preconditions.expectedVersion(ifMatch);
        Subscription current = get(id);
        Preconditions.requireVersion(current.version(), expected);
        Instant now = clock.instant();
        Subscription rotated = new Subscription(current.id(), current.version() + 1, current.organisationId(),
                current.subscriberSubject(), current.subscriberName(), current.subscriberRole(), current.sink(),
                current.protocol(), current.types(), current.filters(), current.projects(), current.status(),
                current.disabledReason(), SigningSecrets.generate(), current.secret(),
                now.plus(settings.secretOverlap()), current.createdAt(), now);
        store.replace(rotated);
        return rotated;
    }

    void delete(String id) {
        get(id);
        if (store.delete(id)) {
            events.publishEvent(new SubscriptionRemoved(id));
        }
    }

    private Caller signedIn() {
        return callers.require(c -> !c.isAnonymous(), "access.subscriptions");
    }

    private static boolean manages(Caller caller, Subscription subscription) {
        return caller.is(Role.ADMIN) || caller.actsFor(subscription.organisationId());
    }

    private record Valid(String sink, List<String> types, List<FilterExpression> filters, ProjectCriteria projects) {
    }

    private Valid validate(SubscriptionDetails details, boolean verifySink) {
        List<FieldProblem> problems = new ArrayList<>();
        String sink = details.sink() == null ? null : details.sink().strip();
        if (sink == null || sink.isEmpty()) {
            problems.add(new FieldProblem("sink", "reason.required"));
        } else if (sink.length() > MAX_SINK_LENGTH) {
            problems.add(new FieldProblem("sink", "reason.max-length", MAX_SINK_LENGTH));
        } else {
            guard.refusal(sink).ifPresent(reason -> problems.add(new FieldProblem("sink", reason)));
        }
        if (details.protocol() != null && !details.protocol().equals("HTTP")) {
            problems.add(new FieldProblem("protocol", "reason.protocol"));
        }
        List<String> types = details.types() == null ? List.of() : details.types();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !EventTypes.known(types.get(i))) {
                problems.add(new FieldProblem("types[" + i + "]", "reason.event-type", EventTypes.KNOWN));
            }
        }
        List<FilterExpression> filters = Filters.read(details.filters(), problems);
        ProjectCriteria projects = details.projects() == null ? ProjectCriteria.ANY : details.projects();
        criteria("projects.countries", projects.countries(), problems);
        criteria("projects.strategies", projects.strategies(), problems);
        criteria("projects.growthAreas", projects.growthAreas(), problems);
        criteria("projects.owners", projects.owners(), problems);
        criteria("projects.programmes", projects.programmes(), problems);
        criteria("projects.partnerships", projects.partnerships(), problems);
        if (problems.isEmpty() && verifySink) {
            // Last, so a request that is wrong anyway does not make the receiver answer a handshake.
            sinks.handshake(sink).ifPresent(reason -> problems.add(new FieldProblem("sink", reason)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(sink, types.stream().distinct().toList(), filters, projects);
    }

    private static void criteria(String field, List<String> values, List<FieldProblem> problems) {
        if (values.size() > MAX_CRITERIA) {
            problems.add(new FieldProblem(field, "reason.criteria", MAX_CRITERIA));
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.length() > 100) {
                problems.add(new FieldProblem(field + "[" + i + "]", "reason.criterion"));
            } else if (field.endsWith("countries") && !COUNTRY.matcher(value).matches()) {
                problems.add(new FieldProblem(field + "[" + i + "]", "reason.country-code"));
            }
        }
    }

    /** For deliveries: the subscription whatever the caller (there is none). */
    public Optional<Subscription> find(String id) {
        return store.find(id);
    }
}
