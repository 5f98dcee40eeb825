package se.samverka.partnership.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samverka.partnership.register.Partnership;
import se.samverka.partnership.register.PartnershipRegister;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.platform.messaging.outbox.Versioned;

/**
 * Marks an ACTIVE partnership DORMANT when neither it nor any project linked to it has changed for
 * {@code samverka.partnerships.dormant-after-months} months (12 by default).
 */
@Component
public class DormancyCheck {

    private static final Logger log = LoggerFactory.getLogger(DormancyCheck.class);

    private final PartnershipRegister register;
    private final ActivityLog activity;
    private final Clock clock;
    private final int months;

    public DormancyCheck(PartnershipRegister register, ActivityLog activity, Clock clock,
                         @Value("${samverka.partnerships.dormant-after-months:12}") int months) {
        this.register = register;
        this.activity = activity;
        this.clock = clock;
        this.months = months;
    }

    /** @return how many partnerships it marked dormant */
    @Scheduled(initialDelayString = "${samverka.partnerships.dormancy-check-delay:PT1M}",
            fixedDelayString = "${samverka.partnerships.dormancy-check-interval:PT1H}")
    public int markDormant() {
        Instant threshold = LocalDate.now(clock).minusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant();
        int marked = 0;
        for (Versioned<Partnership> partnership : register.inStatus(PartnershipStatus.ACTIVE)) {
            Instant lastSign = activity.lastActivity(partnership.id())
                    .filter(at -> at.isAfter(partnership.state().statusSince()))
                    .orElse(partnership.state().statusSince());
            if (lastSign.isBefore(threshold)) {
                try {
                    register.markDormant(partnership, "No activity since " + LocalDate.ofInstant(lastSign, ZoneOffset.UTC)
                            + " (" + months + " months)");
                    marked++;
                } catch (OptimisticLockingFailureException e) {
                    log.debug("Partnership {} changed while checked for dormancy; checked again next time", partnership.id());
                }
            }
        }
        return marked;
    }
}
