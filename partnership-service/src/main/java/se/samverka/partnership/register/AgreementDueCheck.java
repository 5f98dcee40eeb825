package se.samverka.partnership.register;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samverka.platform.messaging.outbox.Versioned;

/**
 * Announces the dates of partnerships' agreements as they near and come (see {@link Partnership#agreementNotices}):
 * each notice is recorded in the partnership in the same write as its event, so two instances checking at once, or a
 * crash between checks, never announce one twice or lose one: the instance that loses the race sees the partnership
 * changed and leaves it to the next run.
 */
@Component
public class AgreementDueCheck {

    private static final Logger log = LoggerFactory.getLogger(AgreementDueCheck.class);

    private final PartnershipRegister register;
    private final AgreementLeadTimes leadTimes;

    AgreementDueCheck(PartnershipRegister register, AgreementLeadTimes leadTimes) {
        this.register = register;
        this.leadTimes = leadTimes;
    }

    /** @return how many partnerships it announced notices for */
    @Scheduled(initialDelayString = "${samverka.partnerships.agreement-check-delay:PT1M}",
            fixedDelayString = "${samverka.partnerships.agreement-check-interval:PT1H}")
    public int announce() {
        int announced = 0;
        for (Versioned<Partnership> partnership : register.withAgreementDatesUntil(
                register.today().plusDays(leadTimes.longest()))) {
            try {
                if (register.announceAgreementDates(partnership, leadTimes.days())) {
                    announced++;
                }
            } catch (OptimisticLockingFailureException e) {
                log.debug("Partnership {} changed while its agreement was checked; checked again next time",
                        partnership.id());
            }
        }
        return announced;
    }
}
