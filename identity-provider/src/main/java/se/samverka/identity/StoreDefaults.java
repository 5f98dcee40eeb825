package se.samverka.identity;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * The provider's MongoDB client, as the services' is set up (platform-messaging's MongoClientDefaults): writes
 * acknowledged once journaled on a majority, so an account changed is on disk before the answer says so; a store
 * that is down fails a request within a second or two rather than holding it. Before Boot's own customizer, so that
 * an option of {@code spring.mongodb.uri} still wins.
 */
final class StoreDefaults implements MongoClientSettingsBuilderCustomizer, Ordered {

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(20, TimeUnit.SECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(2, TimeUnit.SECONDS));
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
