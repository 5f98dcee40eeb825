package se.samverka.platform.messaging.outage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for its MongoDB, under {@code samverka.mongodb}. The driver's own defaults (30 s to find
 * a server, two minutes for a pooled connection) would hold a request that long while the store is down; these make
 * it fail within a second, so the caller gets a 503 it can retry. Options in {@code spring.mongodb.uri} (such as
 * {@code serverSelectionTimeoutMS}) still win over these.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server: how soon a request fails while the
 *                               store is down. Only an unreachable store makes anything wait for it
 * @param connectTimeout         how long opening a connection may take
 * @param socketTimeout          how long one round trip may take, a query's included: generous for the largest report,
 *                               and below the gateway's 30 s response timeout, so a store that hangs ends in this
 *                               service's 503 rather than the gateway's 504
 * @param connectionPoolWait     how long a request waits for a free connection of the pool
 */
@ConfigurationProperties("samverka.mongodb")
public record MongoTimeouts(
        @DefaultValue("1s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("20s") Duration socketTimeout,
        @DefaultValue("2s") Duration connectionPoolWait) {
}
