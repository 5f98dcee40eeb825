package se.samverka.platform.messaging.personaldata;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import se.samverka.platform.messaging.MessagingAutoConfiguration;
import se.samverka.platform.security.Callers;

/**
 * Every service whose histories name staff (it declares {@link StaffPersonalDataSettings}), and that answers HTTP with
 * the platform's security, gets the staff part of a person's access and erasure requests.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = "se.samverka.platform.security.SecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "se.samverka.platform.security.Callers")
@ConditionalOnBean(value = StaffPersonalDataSettings.class, type = "se.samverka.platform.security.Callers")
@Import(StaffPersonalDataController.class)
public class StaffPersonalDataAutoConfiguration {

    @Bean
    StaffPersonalData staffPersonalData(StaffPersonalDataSettings settings, List<StaffHistory<?>> histories,
                                        Callers callers, Clock clock) {
        return new StaffPersonalData(settings, histories, callers, clock);
    }
}
