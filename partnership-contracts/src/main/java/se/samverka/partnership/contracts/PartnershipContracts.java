package se.samverka.partnership.contracts;

import java.util.List;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventContracts;

/**
 * The events partnership-service publishes, one topic per aggregate: the organisation directory's, the partnership
 * register's, and the international broker's (funding calls, interests, introductions). Contributed to the platform's {@link se.samverka.platform.events.EventCatalog} (META-INF/services), so a
 * consumer with this module on its class path reads them by their type.
 */
public final class PartnershipContracts implements EventContracts {

    public static final String ORGANISATIONS = "samverka.organisations";
    public static final String PARTNERSHIPS = "samverka.partnerships";
    public static final String CALLS = "samverka.calls";
    public static final String INTERESTS = "samverka.interests";
    public static final String INTRODUCTIONS = "samverka.introductions";

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
    public static final EventContract<PartnershipAgreementComingDue> PARTNERSHIP_AGREEMENT_COMING_DUE =
            partnership("agreementComingDue", PartnershipAgreementComingDue.class);
    public static final EventContract<PartnershipAgreementDue> PARTNERSHIP_AGREEMENT_DUE =
            partnership("agreementDue", PartnershipAgreementDue.class);
    public static final EventContract<PartnershipStaffNamesErased> PARTNERSHIP_STAFF_NAMES_ERASED =
            partnership("staffNamesErased", PartnershipStaffNamesErased.class);

    public static final EventContract<CallPublished> CALL_PUBLISHED = call("published", CallPublished.class);
    public static final EventContract<CallUpdated> CALL_UPDATED = call("updated", CallUpdated.class);
    public static final EventContract<CallClosingSoon> CALL_CLOSING_SOON = call("closingSoon", CallClosingSoon.class);
    public static final EventContract<CallClosed> CALL_CLOSED = call("closed", CallClosed.class);
    public static final EventContract<CallWithdrawn> CALL_WITHDRAWN = call("withdrawn", CallWithdrawn.class);
    public static final EventContract<CallStaffNamesErased> CALL_STAFF_NAMES_ERASED =
            call("staffNamesErased", CallStaffNamesErased.class);

    public static final EventContract<InterestStated> INTEREST_STATED = interest("stated", InterestStated.class);
    public static final EventContract<InterestUpdated> INTEREST_UPDATED = interest("updated", InterestUpdated.class);
    public static final EventContract<InterestClosed> INTEREST_CLOSED = interest("closed", InterestClosed.class);
    public static final EventContract<InterestStaffNamesErased> INTEREST_STAFF_NAMES_ERASED =
            interest("staffNamesErased", InterestStaffNamesErased.class);

    public static final EventContract<IntroductionProposed> INTRODUCTION_PROPOSED =
            introduction("proposed", IntroductionProposed.class);
    public static final EventContract<IntroductionAnswered> INTRODUCTION_ANSWERED =
            introduction("answered", IntroductionAnswered.class);
    public static final EventContract<IntroductionOutcomeRecorded> INTRODUCTION_OUTCOME_RECORDED =
            introduction("outcomeRecorded", IntroductionOutcomeRecorded.class);
    public static final EventContract<IntroductionStaffNamesErased> INTRODUCTION_STAFF_NAMES_ERASED =
            introduction("staffNamesErased", IntroductionStaffNamesErased.class);

    private static final List<EventContract<?>> ALL = List.of(
            ORGANISATION_REGISTERED, ORGANISATION_UPDATED, CONTACT_PERSON_ADDED, CONTACT_PERSON_CHANGED,
            CONTACT_PERSON_REMOVED,
            PARTNERSHIP_REGISTERED, PARTNERSHIP_UPDATED, PARTNERSHIP_STATUS_CHANGED, PARTNERSHIP_PARTY_ADDED,
            PARTNERSHIP_PARTY_REMOVED, PARTNERSHIP_AGREEMENT_RECORDED, PARTNERSHIP_DECISION_RECORDED,
            PARTNERSHIP_AGREEMENT_COMING_DUE, PARTNERSHIP_AGREEMENT_DUE, PARTNERSHIP_STAFF_NAMES_ERASED,
            CALL_PUBLISHED, CALL_UPDATED, CALL_CLOSING_SOON, CALL_CLOSED, CALL_WITHDRAWN, CALL_STAFF_NAMES_ERASED,
            INTEREST_STATED, INTEREST_UPDATED, INTEREST_CLOSED, INTEREST_STAFF_NAMES_ERASED,
            INTRODUCTION_PROPOSED, INTRODUCTION_ANSWERED, INTRODUCTION_OUTCOME_RECORDED,
            INTRODUCTION_STAFF_NAMES_ERASED);

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

    private static <T> EventContract<T> call(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.call." + verb, CALLS, dataClass);
    }

    private static <T> EventContract<T> interest(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.interest." + verb, INTERESTS, dataClass);
    }

    private static <T> EventContract<T> introduction(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.introduction." + verb, INTRODUCTIONS, dataClass);
    }
}
