package se.samverka.project.portfolio;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.Money;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.directory.Directory;
import se.samverka.project.directory.KnownCall;
import se.samverka.project.directory.KnownOrganisation;
import se.samverka.project.directory.KnownPartnership;

/**
 * Puts together what the API shows of projects, reading the directory once per page (the calls its funding lines
 * answer among it). A caller outside the
 * municipality who does not own a project sees it without its internal fields: no contact persons, no names or
 * reasons in its history, no health note, no funding lines marked internal (nor in the totals), no notes on indicator
 * reports, no partnerships it may not read, and no transitions it could not make.
 */
@Component
class ProjectViews {

    private final Directory directory;
    private final Callers callers;

    ProjectViews(Directory directory, Callers callers) {
        this.directory = directory;
        this.callers = callers;
    }

    ProjectResource of(Versioned<Project> project) {
        return of(List.of(project)).get(0);
    }

    List<ProjectResource> of(Collection<Versioned<Project>> projects) {
        Map<String, KnownOrganisation> organisations = directory.organisations(projects.stream()
                .flatMap(p -> Stream.concat(Stream.of(p.state().description().ownerOrganisationId()),
                        p.state().partners().stream().map(Partner::organisationId)))
                .distinct().toList());
        Map<String, KnownPartnership> partnerships = directory.partnerships(projects.stream()
                .flatMap(p -> p.state().description().partnershipIds().stream()).distinct().toList());
        Map<String, KnownCall> calls = directory.calls(projects.stream()
                .flatMap(p -> p.state().fundingLines().stream().map(FundingLine::callId).filter(Objects::nonNull))
                .distinct().toList());
        Caller caller = callers.current();
        return projects.stream().map(project -> view(project, organisations, partnerships, calls, caller)).toList();
    }

    private static ProjectResource view(Versioned<Project> versioned, Map<String, KnownOrganisation> organisations,
                                        Map<String, KnownPartnership> partnerships, Map<String, KnownCall> calls,
                                        Caller caller) {
        Project p = versioned.state();
        boolean internals = caller.seesInternals(p.description().ownerOrganisationId());
        List<ProjectResource.PartnershipView> linked = partnerships(p.description().partnershipIds(), partnerships,
                caller);
        ProjectDescription d = internals ? p.description() : p.description().sharedOutside(
                linked.stream().map(ProjectResource.PartnershipView::id).toList());
        List<FundingLine> fundingLines = internals ? p.fundingLines()
                : p.fundingLines().stream().filter(line -> !line.internal()).toList();
        KnownOrganisation owner = organisations.get(d.ownerOrganisationId());
        List<ProjectResource.PartnerView> partners = p.partners().stream().map(partner -> {
            KnownOrganisation organisation = organisations.get(partner.organisationId());
            return new ProjectResource.PartnerView(partner.organisationId(), partner.role(),
                    organisation == null ? null : organisation.name(), organisation == null ? null : organisation.country(),
                    organisation == null ? null : organisation.sector());
        }).toList();
        List<KnownOrganisation> involved = Stream.concat(Stream.of(owner),
                partners.stream().map(partner -> organisations.get(partner.organisationId()))).filter(Objects::nonNull).toList();
        return new ProjectResource(versioned.id(), versioned.version(), d, p.status(), p.statusSince(),
                caller.mayWrite(d.ownerOrganisationId()) ? ProjectLifecycle.allowedFrom(p.status()) : List.of(),
                internals ? p.history() : p.history().stream().map(StatusChange::withoutNames).toList(),
                internals || p.health() == null ? p.health() : p.health().withoutNote(),
                owner == null ? new ProjectResource.OrganisationView(d.ownerOrganisationId(), null, null, null)
                        : new ProjectResource.OrganisationView(owner.id(), owner.name(), owner.type(), owner.country()),
                partners,
                distinct(involved, KnownOrganisation::country),
                distinct(involved, KnownOrganisation::sector),
                linked,
                fundingLines.stream().map(line -> new ProjectResource.FundingLineView(line,
                        line.callId() == null || !calls.containsKey(line.callId()) ? null
                                : calls.get(line.callId()).name())).toList(),
                totals(fundingLines),
                p.indicators().stream().map(indicator -> indicator(indicator, internals ? p.indicatorReports()
                        : p.indicatorReports().stream().map(IndicatorReport::withoutNote).toList())).toList(),
                p.activities(), participants(p.activities()), p.finalReport(), p.assessment());
    }

    /** The linked partnerships the caller may read; the others are left out, so their ids tell nothing. */
    private static List<ProjectResource.PartnershipView> partnerships(List<String> ids,
            Map<String, KnownPartnership> known, Caller caller) {
        return ids.stream().flatMap(id -> {
            KnownPartnership partnership = known.get(id);
            if (partnership == null) {
                return caller.isMunicipality() ? Stream.of(new ProjectResource.PartnershipView(id, null, null))
                        : Stream.empty();
            }
            return caller.mayRead(partnership.effectiveVisibility(), partnership.ownerOrganisationId())
                    ? Stream.of(new ProjectResource.PartnershipView(id, partnership.name(), partnership.status()))
                    : Stream.empty();
        }).toList();
    }

    private static List<String> distinct(List<KnownOrganisation> organisations, Function<KnownOrganisation, String> field) {
        return organisations.stream().map(field).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Sums per currency: money in different currencies is never added up. */
    static List<ProjectResource.FundingTotal> totals(List<FundingLine> lines) {
        Map<String, ProjectResource.FundingTotal> totals = new TreeMap<>();
        for (FundingLine line : lines) {
            add(totals, line.applied(), 0);
            add(totals, line.granted(), 1);
            add(totals, line.paid(), 2);
            add(totals, line.ownContribution(), 3);
        }
        return List.copyOf(totals.values());
    }

    private static void add(Map<String, ProjectResource.FundingTotal> totals, Money money, int part) {
        if (money == null) {
            return;
        }
        ProjectResource.FundingTotal t = totals.getOrDefault(money.currency(),
                new ProjectResource.FundingTotal(money.currency(), zero(money), zero(money), zero(money), zero(money)));
        totals.put(money.currency(), new ProjectResource.FundingTotal(t.currency(),
                part == 0 ? t.applied().plus(money) : t.applied(), part == 1 ? t.granted().plus(money) : t.granted(),
                part == 2 ? t.paid().plus(money) : t.paid(), part == 3 ? t.ownContribution().plus(money) : t.ownContribution()));
    }

    private static Money zero(Money like) {
        return new Money(BigDecimal.ZERO.setScale(like.amount().scale()), like.currency());
    }

    static ProjectResource.IndicatorView indicator(Indicator indicator, List<IndicatorReport> allReports) {
        List<IndicatorReport> reports = allReports.stream()
                .filter(report -> report.indicatorId().equals(indicator.indicatorId()))
                .sorted(Comparator.comparing(IndicatorReport::reportedOn))
                .toList();
        IndicatorReport latest = reports.isEmpty() ? null : reports.get(reports.size() - 1);
        BigDecimal progress = latest == null ? null
                : Indicator.progress(indicator.baseline(), indicator.target(), latest.value());
        return new ProjectResource.IndicatorView(indicator.indicatorId(), indicator.kind(), indicator.name(),
                indicator.unit(), indicator.baseline(), indicator.target(), reports,
                latest == null ? null : latest.value(), latest == null ? null : latest.reportedOn(), progress);
    }

    private static ProjectResource.Participants participants(List<Activity> activities) {
        Map<String, Integer> bySector = new TreeMap<>();
        Map<String, Integer> byGender = new TreeMap<>();
        int total = 0;
        for (Activity activity : activities) {
            for (var participation : activity.participants()) {
                bySector.merge(participation.sector(), participation.count(), Integer::sum);
                byGender.merge(participation.gender(), participation.count(), Integer::sum);
                total += participation.count();
            }
        }
        return new ProjectResource.Participants(total, bySector, byGender);
    }
}
