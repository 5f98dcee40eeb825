package se.samverka.project.portfolio;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.personaldata.StaffHistory;

@Configuration(proxyBeanMethods = false)
class ProjectStoreConfiguration {

    @Bean
    AggregateStore<Project> projects(AggregateStores stores) {
        AggregateStore<Project> projects = stores.create("projects", Project.class);
        projects.ensureIndexes(ProjectController.SORTABLE.values());
        projects.ensureIndexes(ProjectFilter.COMPARED);
        return projects;
    }

    @Bean
    StaffHistory<Project> projectStaff(AggregateStore<Project> projects) {
        return new StaffHistory<>(Project.AGGREGATE, projects, List.of("state.history.by", "state.health.assessedBy",
                "state.indicatorReports.reportedBy"));
    }
}
