package se.samverka.partnership.broker.interest;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samverka.platform.messaging.outbox.Versioned;

/**
 * Closes an OPEN interest once its last day ({@code validUntil}) has passed, announcing InterestClosed EXPIRED. Each
 * expiry is a conditional write of the version read, so two instances checking at once close it once.
 */
@Component
public class InterestExpiry {

    private static final Logger log = LoggerFactory.getLogger(InterestExpiry.class);

    private final Interests interests;
    private final Clock clock;

    public InterestExpiry(Interests interests, Clock clock) {
        this.interests = interests;
        this.clock = clock;
    }

    /** @return how many interests it closed */
    @Scheduled(initialDelayString = "${samverka.broker.interest-expiry-delay:PT1M}",
            fixedDelayString = "${samverka.broker.interest-expiry-interval:PT1H}")
    public int closeExpired() {
        int closed = 0;
        for (Versioned<Interest> interest : interests.openEndingBefore(LocalDate.now(clock))) {
            try {
                interests.expire(interest);
                closed++;
            } catch (OptimisticLockingFailureException e) {
                log.debug("Interest {} changed while checked for expiry; checked again next time", interest.id());
            }
        }
        return closed;
    }
}
