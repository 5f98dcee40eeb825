package se.samverka.partnership.broker.introduction;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.personaldata.StaffHistory;

@Configuration(proxyBeanMethods = false)
class IntroductionStoreConfiguration {

    @Bean
    AggregateStore<Introduction> introductionStore(AggregateStores stores) {
        AggregateStore<Introduction> introductions = stores.create("introductions", Introduction.class);
        // What lists are sorted and filtered by.
        introductions.ensureIndexes(List.of("createdAt", "state.status", "state.organisationId",
                "state.counterpartOrganisationId", "state.proposedByOrganisationId"));
        return introductions;
    }

    @Bean
    StaffHistory<Introduction> introductionStaff(AggregateStore<Introduction> introductionStore) {
        return new StaffHistory<>(Introduction.AGGREGATE, introductionStore,
                List.of("state.proposedBy", "state.answers.by", "state.outcomes.recordedBy"));
    }
}
