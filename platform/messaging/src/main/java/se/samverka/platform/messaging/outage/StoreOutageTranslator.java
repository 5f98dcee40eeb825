package se.samverka.platform.messaging.outage;

import com.mongodb.MongoConnectionPoolClearedException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Spring Data's translation of the MongoDB driver's errors, and one more: an operation refused because the connection
 * pool was cleared when another one failed (the store has just gone away) is the store being unreachable, as a
 * timeout or a broken socket is, not an unexpected error. Without it, a request in the first moment of an outage got a
 * 500 instead of the 503 its neighbours got, and a consumer took the outage for a broken event.
 */
class StoreOutageTranslator extends MongoExceptionTranslator implements BeanPostProcessor {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException exception) {
        if (exception instanceof MongoConnectionPoolClearedException) {
            return new DataAccessResourceFailureException(exception.getMessage(), exception);
        }
        return super.translateExceptionIfPossible(exception);
    }

    /** Every template of the service translates through its database factory. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
            factory.setExceptionTranslator(this);
        }
        return bean;
    }
}
