package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.MessagingException;
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
    void poisonAndBugsAreNot() {
        assertThat(DeadLetterPolicy.isOutage(new MessagingException("x", new PoisonEventException("no ce_id")))).isFalse();
        assertThat(DeadLetterPolicy.isOutage(new IllegalStateException("bug"))).isFalse();
    }
}
