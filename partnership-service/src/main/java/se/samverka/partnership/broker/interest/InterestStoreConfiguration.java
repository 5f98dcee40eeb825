package se.samverka.partnership.broker.interest;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.personaldata.StaffHistory;

@Configuration(proxyBeanMethods = false)
class InterestStoreConfiguration {

    @Bean
    AggregateStore<Interest> interestStore(AggregateStores stores) {
        AggregateStore<Interest> interests = stores.create("interests", Interest.class);
        interests.ensureIndexes(InterestController.SORTABLE.values());
        // What lists filter by, and what the expiry check looks for.
        interests.ensureIndexes(List.of("state.organisationId", "state.status"));
        return interests;
    }

    @Bean
    StaffHistory<Interest> interestStaff(AggregateStore<Interest> interestStore) {
        return new StaffHistory<>(Interest.AGGREGATE, interestStore, List.of("state.statedBy"));
    }
}
