package se.samverka.project.personaldata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.platform.messaging.personaldata.StaffPersonalDataSettings;

/**
 * What a person's export says of this service's histories: who took a project's step, judged its health, reported an
 * indicator's value. The portfolio declares its {@code StaffHistory}; platform-messaging answers the requests
 * (ADR 0036).
 */
@Configuration(proxyBeanMethods = false)
class StaffPersonalDataConfiguration {

    @Bean
    StaffPersonalDataSettings staffPersonalDataSettings() {
        return new StaffPersonalDataSettings("project-service (project portfolio)",
                "To show who did what in the histories of projects");
    }
}
