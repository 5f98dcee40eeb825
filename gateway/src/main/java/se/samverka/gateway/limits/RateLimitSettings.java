package se.samverka.gateway.limits;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one client may make ({@code samverka.gateway.rate-limit.*}): a burst of {@code capacity}, then
 * {@code refillPerSecond} a second. The same for every role: a stolen coordinator's token is no reason to allow more.
 *
 * @param exemptSubjects token subjects never limited: the platform's own machine clients (the embedded runtime's
 *                       launcher loads the demo data and starts rebuilds in bursts); none unless configured
 */
@ConfigurationProperties("samverka.gateway.rate-limit")
public record RateLimitSettings(
        @DefaultValue("200") long capacity,
        @DefaultValue("50") double refillPerSecond,
        @DefaultValue Set<String> exemptSubjects) {
}
