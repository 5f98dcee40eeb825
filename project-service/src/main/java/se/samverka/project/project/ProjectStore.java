package se.samverka.project.project;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;

@Configuration(proxyBeanMethods = false)
class ProjectStore {

    @Bean
    AggregateStore<Project> projects(AggregateStores stores) {
        return stores.create("projects", Project.class);
    }
}
