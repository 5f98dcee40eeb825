package se.samverka.platform.messaging.outage;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * What every service's MongoDB client is given: the {@link MongoTimeouts}, and writes acknowledged only once they
 * are journaled on a majority of the replica set, so that a 2xx answered after a write means the write is on disk
 * (on the embedded Mongo-wire server every write is, before it is answered). Before Boot's own customizer, which
 * applies the connection string: an option written there overrides the platform's default.
 */
class MongoClientDefaults implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final MongoTimeouts timeouts;

    MongoClientDefaults(MongoTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(timeouts.socketTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(
                        timeouts.connectionPoolWait().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
