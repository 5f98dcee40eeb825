package se.samverka.partnership.call;

import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samverka.platform.messaging.outbox.Versioned;

/**
 * Announces funding calls' deadlines on time: CallClosingSoon once per lead time
 * ({@code samverka.calls.closing-lead-times}, 30 and 7 days by default) and CallClosed once the deadline has passed.
 * Each notice is recorded in the call in the same write as its event, so two instances checking at once, or a crash
 * between checks, never announce one twice or lose one: the instance that loses the race sees the call changed and
 * leaves it to the next run. A check after downtime sends the notice that is due now, never one that is outgrown.
 */
@Component
public class CallDeadlines {

    private static final Logger log = LoggerFactory.getLogger(CallDeadlines.class);

    private final CallRegister register;
    private final List<Integer> leadTimes;

    public CallDeadlines(CallRegister register,
                         @Value("${samverka.calls.closing-lead-times:30,7}") List<Integer> leadTimes) {
        this.register = register;
        this.leadTimes = List.copyOf(leadTimes);
    }

    /** @return how many notices it announced */
    @Scheduled(initialDelayString = "${samverka.calls.deadline-check-delay:PT1M}",
            fixedDelayString = "${samverka.calls.deadline-check-interval:PT1H}")
    public int announce() {
        int announced = 0;
        for (Versioned<Call> call : register.awaitingNotices(leadTimes.isEmpty() ? 0 : Collections.max(leadTimes))) {
            try {
                if (register.announceDeadline(call, leadTimes)) {
                    announced++;
                }
            } catch (OptimisticLockingFailureException e) {
                log.debug("Call {} changed while its deadline was checked; checked again next time", call.id());
            }
        }
        return announced;
    }
}
