package se.samverka.partnership.personaldata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.personaldata.StaffPersonalDataSettings;

/**
 * What a person's export says of this service's histories: who took a partnership's step, recorded a decision,
 * withdrew a call, stated an interest, proposed or answered an introduction. Each feature declares its own
 * {@code StaffHistory}; platform-messaging answers the requests (ADR 0036).
 */
@Configuration(proxyBeanMethods = false)
class StaffPersonalDataConfiguration {

    @Bean
    StaffPersonalDataSettings staffPersonalDataSettings() {
        return new StaffPersonalDataSettings(
                "partnership-service (partnership register, funding calls, international broker)",
                "To show who did what in the histories of partnerships, funding calls, interests and introductions");
    }
}
