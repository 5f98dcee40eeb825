package se.samverka.partnership.register;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import se.samverka.partnership.activity.ActivityLog;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.reference.Sector;

/**
 * Puts together what the API shows of partnerships, reading the directory and the activity once per page. A caller
 * outside the municipality who is not the responsible department sees a partnership without its internal fields: no
 * notes on decisions, no names or reasons in its history, no transitions it could not make, and no project ids (the
 * projects it may read are listed by project-service, {@code /api/projects?partnership=}).
 */
@Component
class PartnershipViews {

    private final OrganisationDirectory directory;
    private final ActivityLog activity;
    private final ProjectLinks links;
    private final Callers callers;
    private final AgreementLeadTimes leadTimes;
    private final Clock clock;

    PartnershipViews(OrganisationDirectory directory, ActivityLog activity, ProjectLinks links, Callers callers,
                     AgreementLeadTimes leadTimes, Clock clock) {
        this.directory = directory;
        this.activity = activity;
        this.links = links;
        this.callers = callers;
        this.leadTimes = leadTimes;
        this.clock = clock;
    }

    PartnershipResource of(Versioned<Partnership> partnership) {
        return of(List.of(partnership)).get(0);
    }

    List<PartnershipResource> of(Collection<Versioned<Partnership>> partnerships) {
        List<String> ids = partnerships.stream().map(Versioned::id).toList();
        Map<String, Versioned<Organisation>> organisations = directory.findAll(partnerships.stream()
                .flatMap(partnership -> partnership.state().partyIds().stream()).distinct().toList());
        Map<String, Instant> lastActivities = activity.lastActivities(ids);
        Map<String, List<String>> projects = links.projectsOf(ids);
        Caller caller = callers.current();
        LocalDate today = LocalDate.now(clock);
        return partnerships.stream()
                .map(partnership -> view(partnership, organisations, lastActivities.get(partnership.id()),
                        projects.getOrDefault(partnership.id(), List.of()), caller,
                        agreementDue(partnership.state(), today)))
                .toList();
    }

    private static PartnershipResource view(Versioned<Partnership> versioned, Map<String, Versioned<Organisation>> organisations,
                                            Instant lastActivityAt, List<String> projectIds, Caller caller,
                                            List<PartnershipResource.AgreementDueView> agreementDue) {
        Partnership p = versioned.state();
        boolean internals = caller.seesInternals(p.responsibleDepartmentId());
        List<PartnershipResource.PartyView> parties = p.parties().stream().map(party -> {
            Organisation organisation = organisations.containsKey(party.organisationId())
                    ? organisations.get(party.organisationId()).state() : null;
            return new PartnershipResource.PartyView(party.organisationId(), party.role(),
                    organisation == null ? null : organisation.name(),
                    organisation == null ? null : organisation.country(),
                    organisation == null ? null : organisation.sector());
        }).toList();
        List<String> countries = parties.stream().map(PartnershipResource.PartyView::country)
                .filter(Objects::nonNull).distinct().sorted().toList();
        List<Sector> sectors = parties.stream().map(PartnershipResource.PartyView::sector)
                .filter(Objects::nonNull).distinct().sorted().toList();
        return new PartnershipResource(versioned.id(), versioned.version(), p.name(), p.nameEn(), p.description(),
                p.type(), p.status(), p.statusSince(),
                caller.mayWrite(p.responsibleDepartmentId()) ? PartnershipLifecycle.allowedFrom(p.status()) : List.of(),
                p.visibility(), parties, countries, sectors, p.responsibleDepartmentId(), p.themes(), p.strategies(),
                p.agreement(),
                internals ? p.decisions() : p.decisions().stream().map(Decision::withoutNote).toList(),
                internals ? p.history() : p.history().stream().map(StatusChange::withoutNames).toList(),
                internals ? projectIds : List.of(), lastActivityAt, agreementDue);
    }

    private List<PartnershipResource.AgreementDueView> agreementDue(Partnership partnership, LocalDate today) {
        if (partnership.status() == PartnershipStatus.ENDED) {
            return List.of();
        }
        return partnership.agreementDates().stream()
                .filter(date -> date.daysLeft(today) <= leadTimes.longest())
                .sorted(Comparator.comparing(AgreementDate::dueOn))
                .map(date -> new PartnershipResource.AgreementDueView(date.due(), date.dueOn(), date.daysLeft(today)))
                .toList();
    }
}
