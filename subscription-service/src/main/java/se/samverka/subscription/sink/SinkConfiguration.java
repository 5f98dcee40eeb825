package se.samverka.subscription.sink;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.subscription.SubscriptionSettings;

@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

    /** The system's resolver; tests put a scripted one beside it as @Primary. */
    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Bean
    SinkGuard sinkGuard(HostResolver resolver, SubscriptionSettings settings) {
        return new SinkGuard(resolver, settings);
    }

    @Bean(destroyMethod = "close")
    SinkClient sinkClient(SinkGuard guard, SubscriptionSettings settings, Clock clock) {
        return new SinkClient(guard, settings, clock);
    }
}
