package se.samverka.partnership.call;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.personaldata.StaffHistory;

@Configuration(proxyBeanMethods = false)
class CallStoreConfiguration {

    /** Besides the sort fields, what the lists and the deadline check filter on. */
    @Bean
    AggregateStore<Call> calls(AggregateStores stores) {
        AggregateStore<Call> calls = stores.create("calls", Call.class);
        calls.ensureIndexes(Stream.concat(CallController.SORTABLE.values().stream(),
                Stream.of("state.programme")).distinct().toList());
        return calls;
    }

    @Bean
    StaffHistory<Call> callStaff(AggregateStore<Call> calls) {
        return new StaffHistory<>(Call.AGGREGATE, calls, List.of("state.withdrawal.by"));
    }
}
