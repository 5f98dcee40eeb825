package se.samverka.reporting.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.consumer.ProjectionStore;

@RestController
class PortfolioController {

    private final ProjectionStore<OrganisationEntry> organisations;
    private final ProjectionStore<PartnershipEntry> partnerships;
    private final ProjectionStore<ProjectEntry> projects;
    private final Clock clock;

    PortfolioController(ProjectionStore<OrganisationEntry> organisations, ProjectionStore<PartnershipEntry> partnerships,
                        ProjectionStore<ProjectEntry> projects, Clock clock) {
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.projects = projects;
        this.clock = clock;
    }

    @GetMapping("/api/reports/portfolio")
    Portfolio portfolio() {
        Instant lastEventTime = Stream.of(organisations, partnerships, projects)
                .map(ProjectionStore::lastEventTime)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new Portfolio(counts(organisations, "type"), counts(partnerships, "status"), counts(projects, "status"),
                lastEventTime, clock.instant());
    }

    private static Portfolio.Counts counts(ProjectionStore<?> store, String by) {
        return new Portfolio.Counts(store.count(), by, store.countBy(by));
    }
}
