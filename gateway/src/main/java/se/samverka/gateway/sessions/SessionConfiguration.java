package se.samverka.gateway.sessions;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The gateway's own part of the platform's store: the browsers' sessions, and which gateway instances are running
 * (ADR 0024). Its database is the one the connection string names.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    StoreDefaults gatewayStoreDefaults() {
        return new StoreDefaults();
    }

    @Bean
    MongoDatabase gatewayStore(MongoClient mongo, MongoConnectionDetails connection) {
        String database = connection.getConnectionString().getDatabase();
        return mongo.getDatabase(database == null ? "gateway" : database);
    }

    @Bean
    StoredSessions storedSessions(MongoDatabase gatewayStore,
                                  @Value("${server.reactive.session.timeout:30m}") Duration maxIdleTime) {
        return new StoredSessions(gatewayStore.getCollection("sessions"), maxIdleTime, Clock.systemUTC());
    }

    /** Boot's session manager, with the cookie it configures, over the stored sessions instead of memory. */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(StoredSessions sessions, ObjectProvider<WebSessionIdResolver> cookie) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(sessions);
        cookie.ifAvailable(manager::setSessionIdResolver);
        return manager;
    }

    @Bean
    ExpiredSessions expiredSessions(StoredSessions sessions) {
        return new ExpiredSessions(sessions);
    }

    /** Any instance may remove them, and each does now and then; removing them twice does no harm. */
    static final class ExpiredSessions {

        private final StoredSessions sessions;

        ExpiredSessions(StoredSessions sessions) {
            this.sessions = sessions;
        }

        @Scheduled(fixedDelayString = "${samverka.gateway.sessions.remove-expired-every:10m}")
        void remove() {
            try {
                long removed = sessions.removeExpired();
                log.debug("Removed {} expired sessions", removed);
            } catch (RuntimeException e) {
                log.warn("Expired sessions stay until the next round: {}", e.toString());
            }
        }
    }

    /**
     * A session is answered only once it is journaled, and a store that does not answer fails a browser's request
     * within seconds (503), not after the driver's default 30 s. Before Boot's own customizer, so that an option in
     * the connection string still wins.
     */
    static final class StoreDefaults implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                            .readTimeout(10, TimeUnit.SECONDS));
        }

        @Override
        public int getOrder() {
            return -100;
        }
    }
}
