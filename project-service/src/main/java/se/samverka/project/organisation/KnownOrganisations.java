package se.samverka.project.organisation;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.events.organisation.OrganisationUpdated;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;

/** The organisations of the directory, kept from {@code samverka.organisations}, so projects can refer to them. */
@Component
public class KnownOrganisations {

    private final ProjectionStore<KnownOrganisation> organisations;

    public KnownOrganisations(ProjectionStores stores) {
        this.organisations = stores.create("known_organisations", KnownOrganisation.class);
    }

    public Optional<KnownOrganisation> find(String id) {
        return organisations.find(id);
    }

    @Configuration(proxyBeanMethods = false)
    static class Binding {

        /** Bound to {@code samverka.organisations} in application.yml. */
        @Bean
        Consumer<Message<byte[]>> organisationEvents(EventConsumers consumers, KnownOrganisations organisations) {
            return consumers.consumer("known-organisations", Projection.into(organisations.organisations)
                    .on(OrganisationRegistered.class, (current, event, envelope) ->
                            new KnownOrganisation(event.name(), event.type(), event.country()))
                    .on(OrganisationUpdated.class, (current, event, envelope) ->
                            new KnownOrganisation(event.name(), event.type(), event.country()))
                    .build().handlers());
        }
    }
}
