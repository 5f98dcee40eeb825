package se.samverka.partnership.contracts;

import java.util.List;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventContracts;

/**
 * The events partnership-service publishes: the organisation directory's on one topic, the partnership register's on
 * another. Contributed to the platform's {@link se.samverka.platform.events.EventCatalog} (META-INF/services), so a
 * consumer with this module on its class path reads them by their type.
 */
public final class PartnershipContracts implements EventContracts {

    public static final String ORGANISATIONS = "samverka.organisations";
    public static final String PARTNERSHIPS = "samverka.partnerships";

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

    private static final List<EventContract<?>> ALL = List.of(
            ORGANISATION_REGISTERED, ORGANISATION_UPDATED, CONTACT_PERSON_ADDED, CONTACT_PERSON_CHANGED,
            CONTACT_PERSON_REMOVED,
            PARTNERSHIP_REGISTERED, PARTNERSHIP_UPDATED, PARTNERSHIP_STATUS_CHANGED, PARTNERSHIP_PARTY_ADDED,
            PARTNERSHIP_PARTY_REMOVED, PARTNERSHIP_AGREEMENT_RECORDED, PARTNERSHIP_DECISION_RECORDED);

    @Override
    public List<EventContract<?>> contracts() {
        return ALL;
    }

    private static <T> EventContract<T> organisation(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.organisation." + verb, ORGANISATIONS, dataClass);
    }

    private static <T> EventContract<T> partnership(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.partnership." + verb, PARTNERSHIPS, dataClass);
    }
}
