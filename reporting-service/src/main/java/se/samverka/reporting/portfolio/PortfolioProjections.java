package se.samverka.reporting.portfolio;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.events.organisation.OrganisationUpdated;
import se.samverka.platform.events.partnership.PartnershipRegistered;
import se.samverka.platform.events.partnership.PartnershipStatusChanged;
import se.samverka.platform.events.partnership.PartnershipUpdated;
import se.samverka.platform.events.project.ProjectRegistered;
import se.samverka.platform.events.project.ProjectStatusChanged;
import se.samverka.platform.events.project.ProjectUpdated;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;

/**
 * The portfolio's read models, one entry per aggregate, fed from the three topics (bound in application.yml).
 * Counts are taken from them when asked, so they are always exactly what the applied events say.
 */
@Configuration(proxyBeanMethods = false)
class PortfolioProjections {

    @Bean
    ProjectionStore<OrganisationEntry> organisationEntries(ProjectionStores stores) {
        return stores.create("portfolio_organisations", OrganisationEntry.class);
    }

    @Bean
    ProjectionStore<PartnershipEntry> partnershipEntries(ProjectionStores stores) {
        return stores.create("portfolio_partnerships", PartnershipEntry.class);
    }

    @Bean
    ProjectionStore<ProjectEntry> projectEntries(ProjectionStores stores) {
        return stores.create("portfolio_projects", ProjectEntry.class);
    }

    @Bean
    Consumer<Message<byte[]>> organisationEvents(EventConsumers consumers, ProjectionStore<OrganisationEntry> entries) {
        return consumers.consumer("portfolio-organisations", Projection.into(entries)
                .on(OrganisationRegistered.class, (current, event, envelope) ->
                        new OrganisationEntry(event.name(), event.type(), event.country()))
                .on(OrganisationUpdated.class, (current, event, envelope) ->
                        new OrganisationEntry(event.name(), event.type(), event.country()))
                .build().handlers());
    }

    @Bean
    Consumer<Message<byte[]>> partnershipEvents(EventConsumers consumers, ProjectionStore<PartnershipEntry> entries) {
        return consumers.consumer("portfolio-partnerships", Projection.into(entries)
                .on(PartnershipRegistered.class, (current, event, envelope) ->
                        new PartnershipEntry(event.name(), event.type(), event.status(), event.visibility()))
                .on(PartnershipUpdated.class, (current, event, envelope) -> current
                        .map(entry -> new PartnershipEntry(event.name(), event.type(), entry.status(), event.visibility()))
                        .orElse(null))
                .on(PartnershipStatusChanged.class, (current, event, envelope) -> current
                        .map(entry -> new PartnershipEntry(entry.name(), entry.type(), event.to(), entry.visibility()))
                        .orElse(null))
                .build().handlers());
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventConsumers consumers, ProjectionStore<ProjectEntry> entries) {
        return consumers.consumer("portfolio-projects", Projection.into(entries)
                .on(ProjectRegistered.class, (current, event, envelope) ->
                        new ProjectEntry(event.title(), event.ownerOrganisationId(), event.status(), event.visibility()))
                .on(ProjectUpdated.class, (current, event, envelope) -> current
                        .map(entry -> new ProjectEntry(event.title(), event.ownerOrganisationId(), entry.status(),
                                event.visibility()))
                        .orElse(null))
                .on(ProjectStatusChanged.class, (current, event, envelope) -> current
                        .map(entry -> new ProjectEntry(entry.title(), entry.ownerOrganisationId(), event.to(),
                                entry.visibility()))
                        .orElse(null))
                .build().handlers());
    }
}
