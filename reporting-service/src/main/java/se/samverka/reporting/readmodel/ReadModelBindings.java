package se.samverka.reporting.readmodel;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventHandlers;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.project.contracts.ProjectContracts;

/**
 * The live consumers of the topics (bound in application.yml), each feeding the generation in use: the directory's,
 * the partnerships', the projects' and the broker's (funding calls, interests, introductions).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelBindings {

    @Bean
    Consumer<Message<List<byte[]>>> organisationEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, "organisationEvents", PartnershipContracts.ORGANISATIONS,
                () -> models.current().organisations(), () -> { });
    }

    @Bean
    Consumer<Message<List<byte[]>>> partnershipEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, "partnershipEvents", PartnershipContracts.PARTNERSHIPS,
                () -> models.current().partnerships(), () -> { });
    }

    @Bean
    Consumer<Message<List<byte[]>>> projectEvents(EventConsumers consumers, ReadModels models) {
        // A lost entry applied again from the log counted in the figures twice: they are counted again from the entries.
        return live(consumers, models, "projectEvents", ProjectContracts.PROJECTS, () -> models.current().projects(),
                () -> models.current().figures().countAgain());
    }

    @Bean
    Consumer<Message<List<byte[]>>> callEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, "callEvents", PartnershipContracts.CALLS, () -> models.current().calls(),
                () -> { });
    }

    @Bean
    Consumer<Message<List<byte[]>>> interestEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, "interestEvents", PartnershipContracts.INTERESTS,
                () -> models.current().interests(), () -> { });
    }

    @Bean
    Consumer<Message<List<byte[]>>> introductionEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, "introductionEvents", PartnershipContracts.INTRODUCTIONS,
                () -> models.current().introductions(), () -> { });
    }

    private static Consumer<Message<List<byte[]>>> live(EventConsumers consumers, ReadModels models, String function,
                                                  String topic, Supplier<ProjectionStore<?>> store,
                                                  Runnable repaired) {
        return consumers.readModel(new ReadModelBinding("reporting-" + topic, function, store,
                EventHandlers.builder().onEvery(event -> models.apply(topic, event))
                        .onBatch(events -> models.applyAll(topic, events)).build(), repaired));
    }
}
