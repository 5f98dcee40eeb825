package se.samverka.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the contract modules on the class path publish, assembled from what each contributes
 * ({@link EventContracts}). Publishing refuses a record that is not listed here, so the contract modules, their
 * schemas and the AsyncAPI document (checked against them by tests) describe what really goes on the wire.
 */
public final class EventCatalog {

    /** In the order the modules were found; a type two modules both claim stops the catalogue from loading. */
    public static final List<EventContract<?>> ALL = ServiceLoader
            .load(EventContracts.class, EventCatalog.class.getClassLoader()).stream()
            .flatMap(module -> module.get().contracts().stream())
            .toList();

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
            throw new IllegalArgumentException(data.getClass().getName()
                    + " is the record of no contract in the EventCatalog: is its contract module on the class path?");
        }
        return (EventContract<T>) contract;
    }
}
