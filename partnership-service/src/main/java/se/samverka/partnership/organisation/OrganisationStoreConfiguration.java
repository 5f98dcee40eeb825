package se.samverka.partnership.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;

@Configuration(proxyBeanMethods = false)
class OrganisationStoreConfiguration {

    /** Organisation numbers are unique in the directory, enforced by the database so that no race slips through. */
    @Bean
    AggregateStore<Organisation> organisations(AggregateStores stores) {
        AggregateStore<Organisation> organisations = stores.create("organisations", Organisation.class);
        organisations.ensureUniqueIndex("organisationNumber");
        organisations.ensureIndexes(OrganisationController.SORTABLE.values());
        return organisations;
    }
}
