package se.samverka.reporting.readmodel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.PartnershipAgreementRecorded;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.FinalReportRecorded;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.IndicatorReported;
import se.samverka.project.contracts.ProjectHealthChanged;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;

/**
 * Which events the activity feed tells, and what each line keeps. Descriptions that changed, re-assessments and
 * contact persons are left out: they are not news to the coordinator, and contact persons are personal data.
 */
final class FeedLines {

    private FeedLines() {
    }

    static Optional<FeedLine> project(EventEnvelope event, ProjectEntry project) {
        Object data = data(event);
        Map<String, String> details = new HashMap<>();
        if (data instanceof ProjectRegistered registered) {
            details.put("status", registered.status());
        } else if (data instanceof ProjectStatusChanged changed) {
            details.put("from", changed.from());
            details.put("to", changed.to());
        } else if (data instanceof ProjectHealthChanged changed) {
            details.put("health", changed.health());
        } else if (data instanceof ProjectPartnerAdded added) {
            details.put("organisationId", added.organisationId());
            details.put("role", added.role());
        } else if (data instanceof FundingLineAdded added) {
            details.put("programme", added.fundingLine().programme());
        } else if (data instanceof FundingLineChanged changed) {
            details.put("programme", changed.fundingLine().programme());
        } else if (data instanceof IndicatorReported reported) {
            details.put("value", reported.value().toPlainString());
            project.indicators().stream().filter(i -> i.indicatorId().equals(reported.indicatorId())).findFirst()
                    .ifPresent(indicator -> {
                        details.put("indicator", indicator.name());
                        details.put("unit", indicator.unit());
                    });
        } else if (data instanceof ActivityRecorded recorded) {
            details.put("activityType", recorded.activity().type());
            details.put("activity", recorded.activity().title());
            details.put("heldOn", recorded.activity().heldOn().toString());
        } else if (data instanceof FinalReportRecorded recorded) {
            details.put("submittedOn", recorded.submittedOn().toString());
        } else {
            return Optional.empty();
        }
        return Optional.of(new FeedLine(event.id(), event.time().toInstant(), event.type(), event.aggregateId(),
                project.description().title(), project.description().visibility(), details));
    }

    static Optional<FeedLine> partnership(EventEnvelope event, PartnershipEntry partnership) {
        Object data = data(event);
        Map<String, String> details = new HashMap<>();
        if (data instanceof PartnershipRegistered registered) {
            details.put("partnershipType", registered.description().type());
        } else if (data instanceof PartnershipStatusChanged changed) {
            details.put("from", changed.from());
            details.put("to", changed.to());
            details.put("automatic", String.valueOf(changed.automatic()));
        } else if (data instanceof PartnershipPartyAdded added) {
            details.put("organisationId", added.organisationId());
        } else if (data instanceof PartnershipAgreementRecorded recorded) {
            details.put("agreementType", recorded.agreementType());
        } else if (data instanceof PartnershipDecisionRecorded recorded) {
            details.put("body", recorded.body());
            details.put("decidedOn", recorded.decidedOn().toString());
        } else {
            return Optional.empty();
        }
        return Optional.of(new FeedLine(event.id(), event.time().toInstant(), event.type(), event.aggregateId(),
                partnership.name(), partnership.visibility(), details));
    }

    static Optional<FeedLine> organisation(EventEnvelope event, OrganisationEntry organisation) {
        if (!(data(event) instanceof OrganisationRegistered registered)) {
            return Optional.empty();
        }
        return Optional.of(new FeedLine(event.id(), event.time().toInstant(), event.type(), event.aggregateId(),
                organisation.name(), null, Map.of("organisationType", registered.description().type(),
                        "country", registered.description().country())));
    }

    private static Object data(EventEnvelope event) {
        return EventCatalog.forType(event.type()).<Object>map(contract -> EventCodec.decode(event, contract))
                .orElse(event);
    }
}
