package se.samverka.platform.messaging.deadletter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import se.samverka.platform.messaging.MessagingAutoConfiguration;

/** Every service that consumes, and answers HTTP with the platform's security, gets the dead letters' API. */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = "se.samverka.platform.security.SecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "se.samverka.platform.security.Callers")
@ConditionalOnBean(type = "se.samverka.platform.security.Callers")
@Import(DeadLetterApi.class)
public class DeadLetterApiAutoConfiguration {
}
