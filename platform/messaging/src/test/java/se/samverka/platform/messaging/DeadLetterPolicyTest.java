package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.integration.MessageDispatchingException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.GenericMessage;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.messaging.kafka.DeadLetterPolicy;

class DeadLetterPolicyTest {

    @Test
    void anUnreachableDatabaseOrBrokerIsAnOutageToWaitOut() {
        assertThat(DeadLetterPolicy.isOutage(new MessagingException("handler failed",
                new DataAccessResourceFailureException("mongo down")))).isTrue();
        assertThat(DeadLetterPolicy.isOutage(new RuntimeException(
                new MongoSocketReadException("reset", new ServerAddress())))).isTrue();
        assertThat(DeadLetterPolicy.isOutage(new NotLeaderOrFollowerException("moving"))).isTrue();
    }

    @Test
    void theRecordThatFailedIsFoundWhereverTheBindingWrappedIt() {
        BatchListenerFailedException second = new BatchListenerFailedException("poison",
                new PoisonEventException("not json"), 1);
        MessageHandlingException handling = new MessageHandlingException(new GenericMessage<>("batch"), second);
        // What the binding throws when its error channel cannot take the failure: the cause is in the error message.
        MessageDispatchingException undelivered = new MessageDispatchingException(new ErrorMessage(handling),
                "Dispatcher has no subscribers");

        assertThat(DeadLetterPolicy.naming(undelivered)).isSameAs(second);
        assertThat(DeadLetterPolicy.naming(handling)).isSameAs(second);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(DeadLetterPolicy.naming(bug)).isSameAs(bug);
        assertThat(DeadLetterPolicy.naming(new MessageDispatchingException(new ErrorMessage(bug), "no subscribers")))
                .isInstanceOf(MessageDispatchingException.class);
    }

    @Test
    void poisonAndBugsAreNot() {
        assertThat(DeadLetterPolicy.isOutage(new MessagingException("x", new PoisonEventException("no ce_id")))).isFalse();
        assertThat(DeadLetterPolicy.isOutage(new IllegalStateException("bug"))).isFalse();
    }
}
