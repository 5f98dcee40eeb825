package se.samverka.project.directory;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.samverka.partnership.contracts.ContactPersonRemoved;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventHandlers;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.rebuild.RebuildableReadModel;
import se.samverka.project.portfolio.ProjectPortfolio;

/** The consumer bindings of the directory (bound to their topics in application.yml), and its rebuilds. */
@Configuration(proxyBeanMethods = false)
class DirectoryBindings {

    /** A removed contact person is also dropped from every project that names them. */
    @Bean
    Consumer<Message<List<byte[]>>> organisationEvents(EventConsumers consumers, Directory directory,
                                                       ProjectPortfolio portfolio) {
        Projection<KnownOrganisation> organisations = directory.organisationProjection();
        return consumers.readModel(new ReadModelBinding("known-organisations", "organisationEvents",
                organisations::store, EventHandlers.builder()
                .on(ContactPersonRemoved.class, (event, envelope) -> portfolio.dropContactPerson(event.contactPersonId()))
                .onEvery(organisations::apply)
                .build()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> partnershipEvents(EventConsumers consumers, Directory directory) {
        Projection<KnownPartnership> partnerships = directory.partnershipProjection();
        return consumers.readModel(new ReadModelBinding("known-partnerships", "partnershipEvents",
                partnerships::store, partnerships.handlers()));
    }

    @Bean
    Consumer<Message<List<byte[]>>> callEvents(EventConsumers consumers, Directory directory) {
        Projection<KnownCall> calls = directory.callProjection();
        return consumers.readModel(new ReadModelBinding("known-calls", "callEvents", calls::store, calls.handlers()));
    }

    @Bean
    RebuildableReadModel<KnownOrganisation> organisationsRebuilt(Directory directory) {
        return new RebuildableReadModel<>("organisationEvents", directory.organisationStore(),
                directory.organisationProjection());
    }

    @Bean
    RebuildableReadModel<KnownPartnership> partnershipsRebuilt(Directory directory) {
        return new RebuildableReadModel<>("partnershipEvents", directory.partnershipStore(),
                directory.partnershipProjection());
    }

    @Bean
    RebuildableReadModel<KnownCall> callsRebuilt(Directory directory) {
        return new RebuildableReadModel<>("callEvents", directory.callStore(), directory.callProjection());
    }
}
