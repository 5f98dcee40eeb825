package se.samverka.subscription.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;
import se.samverka.subscription.project.ProjectView.KnownFundingLine;

/** How each project event changes a {@link ProjectView}; events that do not concern it leave it as it is. */
final class ProjectViews {

    private ProjectViews() {
    }

    /** The views alone, without the listeners: what a rebuild fills a new generation with. */
    static Projection<ProjectView> projection(GenerationalStore<ProjectView> store) {
        return Projection.of(store, event -> {
            Object data = Follower.data(event);
            return current -> data == null ? current.orElse(null) : next(current, data);
        });
    }

    static ProjectView next(Optional<ProjectView> current, Object data) {
        if (data instanceof ProjectRegistered r) {
            return described(r.projectId(), r.status(), r.description(), List.of(), List.of());
        }
        if (current.isEmpty()) {
            return null;
        }
        ProjectView v = current.get();
        if (data instanceof ProjectUpdated u) {
            return described(v.projectId(), v.status(), u.description(), v.partnerOrganisationIds(), v.fundingLines());
        }
        if (data instanceof ProjectStatusChanged s) {
            return new ProjectView(v.projectId(), v.title(), v.visibility(), v.ownerOrganisationId(), s.to(),
                    v.partnershipIds(), v.strategies(), v.growthAreas(), v.partnerOrganisationIds(), v.fundingLines());
        }
        if (data instanceof ProjectPartnerAdded p) {
            return withPartners(v, Stream.concat(v.partnerOrganisationIds().stream()
                    .filter(id -> !id.equals(p.organisationId())), Stream.of(p.organisationId())).toList());
        }
        if (data instanceof ProjectPartnerRemoved p) {
            return withPartners(v, v.partnerOrganisationIds().stream().filter(id -> !id.equals(p.organisationId())).toList());
        }
        if (data instanceof FundingLineAdded f) {
            return withLine(v, f.fundingLine());
        }
        if (data instanceof FundingLineChanged f) {
            return withLine(v, f.fundingLine());
        }
        if (data instanceof FundingLineRemoved f) {
            return withLines(v, v.fundingLines().stream().filter(l -> !l.fundingLineId().equals(f.fundingLineId())).toList());
        }
        return v;
    }

    private static ProjectView described(String projectId, String status, ProjectDescription d, List<String> partners,
                                         List<KnownFundingLine> lines) {
        return new ProjectView(projectId, d.title(), d.visibility(), d.ownerOrganisationId(), status, d.partnershipIds(),
                d.strategies(), d.growthAreas(), partners, lines);
    }

    private static ProjectView withPartners(ProjectView v, List<String> partners) {
        return new ProjectView(v.projectId(), v.title(), v.visibility(), v.ownerOrganisationId(), v.status(),
                v.partnershipIds(), v.strategies(), v.growthAreas(), partners, v.fundingLines());
    }

    private static ProjectView withLine(ProjectView v, FundingLine line) {
        List<KnownFundingLine> lines = new ArrayList<>(v.fundingLines().stream()
                .filter(l -> !l.fundingLineId().equals(line.fundingLineId())).toList());
        lines.add(new KnownFundingLine(line.fundingLineId(), line.programme(), Boolean.TRUE.equals(line.internal())));
        return withLines(v, lines);
    }

    private static ProjectView withLines(ProjectView v, List<KnownFundingLine> lines) {
        return new ProjectView(v.projectId(), v.title(), v.visibility(), v.ownerOrganisationId(), v.status(),
                v.partnershipIds(), v.strategies(), v.growthAreas(), v.partnerOrganisationIds(), lines);
    }
}
