package se.samverka.platform.messaging.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

class StoreOutageTranslatorTest {

    private final StoreOutageTranslator translator = new StoreOutageTranslator();

    @Test
    void aPoolClearedByAFailedOperationIsTheStoreBeingUnreachable() {
        MongoConnectionPoolClearedException paused = new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), new ServerAddress()), new MongoSocketReadException("reset",
                        new ServerAddress()));

        assertThat(new MongoExceptionTranslator().translateExceptionIfPossible(paused))
                .isNotInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translator.translateExceptionIfPossible(paused))
                .isInstanceOf(DataAccessResourceFailureException.class).hasCause(paused);
    }

    @Test
    void everythingElseIsTranslatedAsSpringDataDoes() {
        MongoSocketReadException reset = new MongoSocketReadException("reset", new ServerAddress());

        assertThat(translator.translateExceptionIfPossible(reset)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException("bug"))).isNull();
    }

    @Test
    void theServicesDatabaseFactoryTranslatesThroughIt() throws Exception {
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(
                "mongodb://127.0.0.1:1/never-connected");
        try {
            assertThat(translator.postProcessAfterInitialization(factory, "mongoDatabaseFactory")).isSameAs(factory);
            assertThat(factory.getExceptionTranslator()).isSameAs(translator);
        } finally {
            factory.destroy();
        }
    }
}
