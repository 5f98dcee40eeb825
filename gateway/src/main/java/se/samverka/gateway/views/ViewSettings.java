package se.samverka.gateway.views;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the composed views call the services ({@code samverka.gateway.views.*}).
 *
 * @param timeout how long each call of a view may take
 * @param breaker when a service's circuit breaker opens, and for how long
 */
@ConfigurationProperties("samverka.gateway.views")
public record ViewSettings(@DefaultValue("2s") Duration timeout, @DefaultValue Breaker breaker) {

    /**
     * @param failureRateThreshold per cent of failed calls, among the last {@code slidingWindowSize}, that opens it
     * @param minimumNumberOfCalls calls before the rate counts at all
     * @param waitInOpenState      how long calls are skipped before a few are tried again
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("30s") Duration waitInOpenState) {
    }
}
