package se.samverka.gateway.views;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One breaker per service; its time limiter is the per-call timeout of the views. */
@Configuration(proxyBeanMethods = false)
class BreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakers(ViewSettings settings) {
        ViewSettings.Breaker breaker = settings.breaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                        .slidingWindowSize(breaker.slidingWindowSize())
                        .waitDurationInOpenState(breaker.waitInOpenState())
                        .build())
                .build());
    }
}
