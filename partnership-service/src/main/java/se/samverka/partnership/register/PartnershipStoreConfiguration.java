package se.samverka.partnership.register;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;

@Configuration(proxyBeanMethods = false)
class PartnershipStoreConfiguration {

    @Bean
    AggregateStore<Partnership> partnerships(AggregateStores stores) {
        AggregateStore<Partnership> partnerships = stores.create("partnerships", Partnership.class);
        partnerships.ensureIndexes(PartnershipController.SORTABLE.values());
        return partnerships;
    }
}
