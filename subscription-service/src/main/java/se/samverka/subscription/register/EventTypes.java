package se.samverka.subscription.register;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventContract;
import se.samverka.project.contracts.ProjectContracts;

/**
 * The event types a subscription may follow: the projects' and the funding calls'. A subscription lists types, or a
 * family of them ({@code se.samverka.call.*}: every call event, those added later too); one that lists none follows
 * every project event, as it did before calls could be followed.
 */
final class EventTypes {

    static final String PROJECT_FAMILY = "se.samverka.project.*";
    static final String CALL_FAMILY = "se.samverka.call.*";

    /** The services' housekeeping of their own records (a history's staff names erased): nothing a partner acts on. */
    private static final Set<String> HOUSEKEEPING = Set.of(ProjectContracts.PROJECT_STAFF_NAMES_ERASED.type(),
            PartnershipContracts.CALL_STAFF_NAMES_ERASED.type());
    private static final Set<String> PROJECT = ofTopic(ProjectContracts.PROJECTS);
    private static final Set<String> CALL = ofTopic(PartnershipContracts.CALLS);
    /** What a subscription may list, in the order a problem names them. */
    static final List<String> KNOWN = Stream.of(Stream.of(PROJECT_FAMILY, CALL_FAMILY), PROJECT.stream().sorted(),
            CALL.stream().sorted()).flatMap(types -> types).toList();

    private EventTypes() {
    }

    static boolean known(String type) {
        return KNOWN.contains(type);
    }

    /** Whether a subscription listing {@code types} follows events of {@code type}. */
    static boolean follows(List<String> types, String type) {
        if (HOUSEKEEPING.contains(type)) {
            return false;
        }
        if (types.isEmpty()) {
            return PROJECT.contains(type);
        }
        return types.stream().anyMatch(wanted -> wanted.endsWith(".*")
                ? type.startsWith(wanted.substring(0, wanted.length() - 1)) : wanted.equals(type));
    }

    private static Set<String> ofTopic(String topic) {
        return EventCatalog.ALL.stream().filter(contract -> contract.topic().equals(topic)).map(EventContract::type)
                .filter(type -> !HOUSEKEEPING.contains(type)).collect(Collectors.toUnmodifiableSet());
    }
}
