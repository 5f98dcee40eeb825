package se.samverka.gateway.downstream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway calls the services for its views and pages ({@code samverka.gateway.downstream.*}).
 *
 * @param timeout    how long any call may take: what a page waits for, a form's change included
 * @param legTimeout how long one leg of a composed view may take; a view does without a leg that is late
 * @param breaker    when a service's circuit breaker opens, and for how long
 * @param restAfterRefusal how long an instance of a service that refused a connection is passed by (ADR 0026)
 */
@ConfigurationProperties("samverka.gateway.downstream")
public record DownstreamSettings(@DefaultValue("10s") Duration timeout, @DefaultValue("2s") Duration legTimeout,
                                 @DefaultValue Breaker breaker, @DefaultValue("5s") Duration restAfterRefusal) {

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
