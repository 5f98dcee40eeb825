package se.samverka.partnership.register;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.personaldata.StaffHistory;

@Configuration(proxyBeanMethods = false)
class PartnershipStoreConfiguration {

    @Bean
    AggregateStore<Partnership> partnerships(AggregateStores stores) {
        AggregateStore<Partnership> partnerships = stores.create("partnerships", Partnership.class);
        partnerships.ensureIndexes(PartnershipController.SORTABLE.values());
        return partnerships;
    }

    @Bean
    StaffHistory<Partnership> partnershipStaff(AggregateStore<Partnership> partnerships) {
        return new StaffHistory<>(Partnership.AGGREGATE, partnerships,
                List.of("state.history.by", "state.decisions.recordedBy"));
    }
}
