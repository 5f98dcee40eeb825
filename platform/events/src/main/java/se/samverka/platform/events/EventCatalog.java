package se.samverka.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.events.partnership.PartnershipRegistered;
import se.samverka.platform.events.project.ProjectRegistered;

/**
 * Every event type the platform publishes. Publishing refuses a record that is not listed here, so this list,
 * the schemas and the AsyncAPI document (checked against it by a test) describe what really goes on the wire.
 */
public final class EventCatalog {

    public static final EventContract<OrganisationRegistered> ORGANISATION_REGISTERED =
            new EventContract<>("se.samverka.organisation.registered", Topics.ORGANISATIONS, OrganisationRegistered.class);
    public static final EventContract<PartnershipRegistered> PARTNERSHIP_REGISTERED =
            new EventContract<>("se.samverka.partnership.registered", Topics.PARTNERSHIPS, PartnershipRegistered.class);
    public static final EventContract<ProjectRegistered> PROJECT_REGISTERED =
            new EventContract<>("se.samverka.project.registered", Topics.PROJECTS, ProjectRegistered.class);

    public static final List<EventContract<?>> ALL =
            List.of(ORGANISATION_REGISTERED, PARTNERSHIP_REGISTERED, PROJECT_REGISTERED);

    private static final Map<String, EventContract<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventContract::type, Function.identity()));
    private static final Map<Class<?>, EventContract<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventContract::dataClass, Function.identity()));

    private EventCatalog() {
    }

    /** The contract of a type read off the wire; empty for a type this code does not know (consumers skip those). */
    public static Optional<EventContract<?>> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The contract of an event record; a record without one cannot be published. */
    @SuppressWarnings("unchecked")
    public static <T> EventContract<T> forData(T data) {
        EventContract<?> contract = BY_CLASS.get(data.getClass());
        if (contract == null) {
            throw new IllegalArgumentException(data.getClass().getName() + " is not an event contract in EventCatalog");
        }
        return (EventContract<T>) contract;
    }
}
