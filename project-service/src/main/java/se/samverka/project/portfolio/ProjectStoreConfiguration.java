package se.samverka.project.portfolio;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;

@Configuration(proxyBeanMethods = false)
class ProjectStoreConfiguration {

    @Bean
    AggregateStore<Project> projects(AggregateStores stores) {
        AggregateStore<Project> projects = stores.create("projects", Project.class);
        projects.ensureIndexes(ProjectController.SORTABLE.values());
        projects.ensureIndexes(ProjectFilter.COMPARED);
        return projects;
    }
}
