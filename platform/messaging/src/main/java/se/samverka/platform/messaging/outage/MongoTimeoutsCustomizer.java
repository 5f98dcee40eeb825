package se.samverka.platform.messaging.outage;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Sets the {@link MongoTimeouts} on every service's MongoDB client. Before Boot's own customizer, which applies the
 * connection string: an option written there overrides the platform's default.
 */
class MongoTimeoutsCustomizer implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final MongoTimeouts timeouts;

    MongoTimeoutsCustomizer(MongoTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
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
