package se.samverka.platform.events;

import java.util.List;

/**
 * The contracts one module publishes, contributed to the {@link EventCatalog}. A contract module names its
 * implementation in {@code META-INF/services/se.samverka.platform.events.EventContracts}, so the catalogue knows every
 * contract on the class path while the platform names none.
 */
public interface EventContracts {

    List<EventContract<?>> contracts();
}
