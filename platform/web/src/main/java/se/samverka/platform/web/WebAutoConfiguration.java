package se.samverka.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A service's HTTP conventions: problem documents for every failure, and who makes a request. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsHandler.class)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CurrentActor currentActor() {
        return () -> CurrentActor.ANONYMOUS;
    }
}
