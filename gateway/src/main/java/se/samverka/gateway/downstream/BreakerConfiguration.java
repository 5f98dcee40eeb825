package se.samverka.gateway.downstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker per service, which views and pages share, so that both stop waiting for a service that keeps failing.
 * Its time limiter bounds every call; {@link Downstream#leg} gives a view's leg less.
 */
@Configuration(proxyBeanMethods = false)
class BreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakers(DownstreamSettings settings) {
        DownstreamSettings.Breaker breaker = settings.breaker();
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
