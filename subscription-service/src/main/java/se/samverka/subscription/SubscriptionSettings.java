package se.samverka.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of partner subscriptions, under {@code samverka.subscriptions}.
 *
 * @param sinkAllowlist   hosts (as written in a sink's URL) that may be called over plain http and may resolve to
 *                        loopback or private addresses: for development and tests only, empty in production
 * @param webhookOrigin   what this service calls itself in the validation handshake ({@code WebHook-Request-Origin})
 * @param secretOverlap   how long a rotated-out signing secret keeps signing beside the new one
 * @param publicBaseUrl   where the portal is reached from outside, for links in the Atom feed
 */
@ConfigurationProperties("samverka.subscriptions")
public record SubscriptionSettings(
        @DefaultValue List<String> sinkAllowlist,
        @DefaultValue("samverka") String webhookOrigin,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue Delivery delivery,
        @DefaultValue Stream stream) {

    public boolean allowlisted(String host) {
        return host != null && sinkAllowlist.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(stripBrackets(host)));
    }

    private static String stripBrackets(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * @param schedule        the pause before each attempt: the Standard Webhooks schedule; its length is the number of
     *                        attempts before a delivery fails
     * @param scheduleScale   multiplies every pause of the schedule: 1 in production, tiny in tests (a compressed clock)
     * @param jitter          up to this fraction is added at random to each pause, so failed receivers are not hit by
     *                        every sender at once
     * @param timeout         how long a receiver has to connect and answer
     * @param pollInterval    how long the sender waits for new work before it looks anyway
     * @param maxRetryAfter   the longest {@code Retry-After} of a receiver that is honoured
     * @param senders         deliveries sent at the same time (never two of one project and subscription)
     */
    public record Delivery(
            @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> schedule,
            @DefaultValue("1.0") double scheduleScale,
            @DefaultValue("0.1") double jitter,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("10h") Duration maxRetryAfter,
            @DefaultValue("4") int senders) {
    }

    /**
     * @param timeout   after this a stream closes and the browser reconnects (EventSource does so by itself)
     * @param keepAlive how often a comment goes down an idle stream, so that proxies keep it open
     */
    public record Stream(
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("15s") Duration keepAlive) {
    }
}
