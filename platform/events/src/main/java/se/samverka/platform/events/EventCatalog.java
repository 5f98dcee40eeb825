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
import se.samverka.platform.events.project.ActivityChanged;
import se.samverka.platform.events.project.ActivityRecorded;
import se.samverka.platform.events.project.ActivityRemoved;
import se.samverka.platform.events.project.FinalReportRecorded;
import se.samverka.platform.events.project.FundingLineAdded;
import se.samverka.platform.events.project.FundingLineChanged;
import se.samverka.platform.events.project.FundingLineRemoved;
import se.samverka.platform.events.project.IndicatorChanged;
import se.samverka.platform.events.project.IndicatorDefined;
import se.samverka.platform.events.project.IndicatorReported;
import se.samverka.platform.events.project.ProjectAssessed;
import se.samverka.platform.events.project.ProjectHealthChanged;
import se.samverka.platform.events.project.ProjectPartnerAdded;
import se.samverka.platform.events.project.ProjectPartnerRemoved;
import se.samverka.platform.events.project.ProjectRegistered;
import se.samverka.platform.events.project.ProjectStatusChanged;
import se.samverka.platform.events.project.ProjectUpdated;

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
            project("registered", ProjectRegistered.class);
    public static final EventContract<ProjectUpdated> PROJECT_UPDATED =
            project("updated", ProjectUpdated.class);
    public static final EventContract<ProjectStatusChanged> PROJECT_STATUS_CHANGED =
            project("statusChanged", ProjectStatusChanged.class);
    public static final EventContract<ProjectHealthChanged> PROJECT_HEALTH_CHANGED =
            project("healthChanged", ProjectHealthChanged.class);
    public static final EventContract<ProjectPartnerAdded> PROJECT_PARTNER_ADDED =
            project("partnerAdded", ProjectPartnerAdded.class);
    public static final EventContract<ProjectPartnerRemoved> PROJECT_PARTNER_REMOVED =
            project("partnerRemoved", ProjectPartnerRemoved.class);
    public static final EventContract<FundingLineAdded> FUNDING_LINE_ADDED =
            project("fundingLineAdded", FundingLineAdded.class);
    public static final EventContract<FundingLineChanged> FUNDING_LINE_CHANGED =
            project("fundingLineChanged", FundingLineChanged.class);
    public static final EventContract<FundingLineRemoved> FUNDING_LINE_REMOVED =
            project("fundingLineRemoved", FundingLineRemoved.class);
    public static final EventContract<IndicatorDefined> INDICATOR_DEFINED =
            project("indicatorDefined", IndicatorDefined.class);
    public static final EventContract<IndicatorChanged> INDICATOR_CHANGED =
            project("indicatorChanged", IndicatorChanged.class);
    public static final EventContract<IndicatorReported> INDICATOR_REPORTED =
            project("indicatorReported", IndicatorReported.class);
    public static final EventContract<ActivityRecorded> ACTIVITY_RECORDED =
            project("activityRecorded", ActivityRecorded.class);
    public static final EventContract<ActivityChanged> ACTIVITY_CHANGED =
            project("activityChanged", ActivityChanged.class);
    public static final EventContract<ActivityRemoved> ACTIVITY_REMOVED =
            project("activityRemoved", ActivityRemoved.class);
    public static final EventContract<FinalReportRecorded> FINAL_REPORT_RECORDED =
            project("finalReportRecorded", FinalReportRecorded.class);
    public static final EventContract<ProjectAssessed> PROJECT_ASSESSED =
            project("assessed", ProjectAssessed.class);

    public static final List<EventContract<?>> ALL = List.of(
            ORGANISATION_REGISTERED, ORGANISATION_UPDATED, CONTACT_PERSON_ADDED, CONTACT_PERSON_CHANGED,
            CONTACT_PERSON_REMOVED,
            PARTNERSHIP_REGISTERED, PARTNERSHIP_UPDATED, PARTNERSHIP_STATUS_CHANGED, PARTNERSHIP_PARTY_ADDED,
            PARTNERSHIP_PARTY_REMOVED, PARTNERSHIP_AGREEMENT_RECORDED, PARTNERSHIP_DECISION_RECORDED,
            PROJECT_REGISTERED, PROJECT_UPDATED, PROJECT_STATUS_CHANGED, PROJECT_HEALTH_CHANGED, PROJECT_PARTNER_ADDED,
            PROJECT_PARTNER_REMOVED, FUNDING_LINE_ADDED, FUNDING_LINE_CHANGED, FUNDING_LINE_REMOVED, INDICATOR_DEFINED,
            INDICATOR_CHANGED, INDICATOR_REPORTED, ACTIVITY_RECORDED, ACTIVITY_CHANGED, ACTIVITY_REMOVED,
            FINAL_REPORT_RECORDED, PROJECT_ASSESSED);

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

    private static <T> EventContract<T> project(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.project." + verb, Topics.PROJECTS, dataClass);
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
