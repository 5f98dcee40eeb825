package se.samverka.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.samverka.platform.events.organisation.ContactPersonAdded;
import se.samverka.platform.events.organisation.ContactPersonChanged;
import se.samverka.platform.events.organisation.ContactPersonRemoved;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.events.organisation.OrganisationUpdated;
import se.samverka.platform.events.partnership.PartnershipAgreementRecorded;
import se.samverka.platform.events.partnership.PartnershipDecisionRecorded;
import se.samverka.platform.events.partnership.PartnershipPartyAdded;
import se.samverka.platform.events.partnership.PartnershipPartyRemoved;
import se.samverka.platform.events.partnership.PartnershipRegistered;
import se.samverka.platform.events.partnership.PartnershipStatusChanged;
import se.samverka.platform.events.partnership.PartnershipUpdated;
import se.samverka.platform.events.project.ProjectRegistered;

/**
 * Every event type the platform publishes. Publishing refuses a record that is not listed here, so this list,
 * the schemas and the AsyncAPI document (checked against it by a test) describe what really goes on the wire.
 */
public final class EventCatalog {

    public static final EventContract<OrganisationRegistered> ORGANISATION_REGISTERED =
            organisation("registered", OrganisationRegistered.class);
    public static final EventContract<OrganisationUpdated> ORGANISATION_UPDATED =
            organisation("updated", OrganisationUpdated.class);
    public static final EventContract<ContactPersonAdded> CONTACT_PERSON_ADDED =
            organisation("contactPersonAdded", ContactPersonAdded.class);
    public static final EventContract<ContactPersonChanged> CONTACT_PERSON_CHANGED =
            organisation("contactPersonChanged", ContactPersonChanged.class);
    public static final EventContract<ContactPersonRemoved> CONTACT_PERSON_REMOVED =
            organisation("contactPersonRemoved", ContactPersonRemoved.class);

    public static final EventContract<PartnershipRegistered> PARTNERSHIP_REGISTERED =
            partnership("registered", PartnershipRegistered.class);
    public static final EventContract<PartnershipUpdated> PARTNERSHIP_UPDATED =
            partnership("updated", PartnershipUpdated.class);
    public static final EventContract<PartnershipStatusChanged> PARTNERSHIP_STATUS_CHANGED =
            partnership("statusChanged", PartnershipStatusChanged.class);
    public static final EventContract<PartnershipPartyAdded> PARTNERSHIP_PARTY_ADDED =
            partnership("partyAdded", PartnershipPartyAdded.class);
    public static final EventContract<PartnershipPartyRemoved> PARTNERSHIP_PARTY_REMOVED =
            partnership("partyRemoved", PartnershipPartyRemoved.class);
    public static final EventContract<PartnershipAgreementRecorded> PARTNERSHIP_AGREEMENT_RECORDED =
            partnership("agreementRecorded", PartnershipAgreementRecorded.class);
    public static final EventContract<PartnershipDecisionRecorded> PARTNERSHIP_DECISION_RECORDED =
            partnership("decisionRecorded", PartnershipDecisionRecorded.class);

    public static final EventContract<ProjectRegistered> PROJECT_REGISTERED =
            new EventContract<>("se.samverka.project.registered", Topics.PROJECTS, ProjectRegistered.class);

    public static final List<EventContract<?>> ALL = List.of(
            ORGANISATION_REGISTERED, ORGANISATION_UPDATED, CONTACT_PERSON_ADDED, CONTACT_PERSON_CHANGED,
            CONTACT_PERSON_REMOVED,
            PARTNERSHIP_REGISTERED, PARTNERSHIP_UPDATED, PARTNERSHIP_STATUS_CHANGED, PARTNERSHIP_PARTY_ADDED,
            PARTNERSHIP_PARTY_REMOVED, PARTNERSHIP_AGREEMENT_RECORDED, PARTNERSHIP_DECISION_RECORDED,
            PROJECT_REGISTERED);

    private static final Map<String, EventContract<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventContract::type, Function.identity()));
    private static final Map<Class<?>, EventContract<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventContract::dataClass, Function.identity()));

    private EventCatalog() {
    }

    private static <T> EventContract<T> organisation(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.organisation." + verb, Topics.ORGANISATIONS, dataClass);
    }

    private static <T> EventContract<T> partnership(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.partnership." + verb, Topics.PARTNERSHIPS, dataClass);
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
