package se.samverka.project.contracts;

import java.util.List;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventContracts;

/**
 * The events project-service publishes, all on the project aggregate's topic. Contributed to the platform's
 * {@link se.samverka.platform.events.EventCatalog} (META-INF/services), so a consumer with this module on its class
 * path reads them by their type.
 */
public final class ProjectContracts implements EventContracts {

    public static final String PROJECTS = "samverka.projects";

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
    public static final EventContract<ProjectStaffNamesErased> PROJECT_STAFF_NAMES_ERASED =
            project("staffNamesErased", ProjectStaffNamesErased.class);

    private static final List<EventContract<?>> ALL = List.of(
            PROJECT_REGISTERED, PROJECT_UPDATED, PROJECT_STATUS_CHANGED, PROJECT_HEALTH_CHANGED, PROJECT_PARTNER_ADDED,
            PROJECT_PARTNER_REMOVED, FUNDING_LINE_ADDED, FUNDING_LINE_CHANGED, FUNDING_LINE_REMOVED, INDICATOR_DEFINED,
            INDICATOR_CHANGED, INDICATOR_REPORTED, ACTIVITY_RECORDED, ACTIVITY_CHANGED, ACTIVITY_REMOVED,
            FINAL_REPORT_RECORDED, PROJECT_ASSESSED, PROJECT_STAFF_NAMES_ERASED);

    @Override
    public List<EventContract<?>> contracts() {
        return ALL;
    }

    private static <T> EventContract<T> project(String verb, Class<T> dataClass) {
        return new EventContract<>("se.samverka.project." + verb, PROJECTS, dataClass);
    }
}
