package se.samverka.reporting.readmodel;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.samverka.platform.events.Topics;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventHandlers;

/** The live consumers of the three topics (bound in application.yml), each feeding the generation in use. */
@Configuration(proxyBeanMethods = false)
class ReadModelBindings {

    @Bean
    Consumer<Message<byte[]>> organisationEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, Topics.ORGANISATIONS);
    }

    @Bean
    Consumer<Message<byte[]>> partnershipEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, Topics.PARTNERSHIPS);
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventConsumers consumers, ReadModels models) {
        return live(consumers, models, Topics.PROJECTS);
    }

    private static Consumer<Message<byte[]>> live(EventConsumers consumers, ReadModels models, String topic) {
        return consumers.consumer("reporting-" + topic,
                EventHandlers.builder().onEvery(event -> models.apply(topic, event)).build());
    }
}
