package se.samverka.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samverka.identity.IdentitySettings;
import se.samverka.platform.web.IllegalTransitionException;

/**
 * Keeps personal data of accounts no longer than needed, as contact persons' is kept (ADR 0005): an account
 * deactivated {@code samverka.identity.retention.deactivated} ago (two years by default), and an invitation never
 * accepted {@code samverka.identity.retention.unaccepted-invitations} after its link expired (30 days), are erased as
 * on request, their log's facts kept.
 */
@Component
public class Retention {

    /** Who the log says erased them. */
    static final String BY = "retention";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final AccountStore store;
    private final Accounts accounts;
    private final IdentitySettings settings;
    private final Clock clock;

    public Retention(AccountStore store, Accounts accounts, IdentitySettings settings, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${samverka.identity.retention.check-delay:PT1M}",
            fixedDelayString = "${samverka.identity.retention.check-interval:PT6H}")
    public void eraseExpired() {
        Instant now = clock.instant();
        Instant deactivatedBefore = now.atZone(ZoneOffset.UTC).minus(settings.retention().deactivated()).toInstant();
        Instant expiredBefore = now.atZone(ZoneOffset.UTC).minus(settings.retention().unacceptedInvitations())
                .toInstant();
        erase(store.find(new Query(Criteria.where("status").is(AccountStatus.DEACTIVATED)
                .and("deactivatedAt").lt(deactivatedBefore))), "deactivated for " + settings.retention().deactivated());
        erase(store.find(new Query(Criteria.where("status").is(AccountStatus.INVITED)
                .and("invitation.expiresAt").lt(expiredBefore))), "invitation not accepted");
    }

    private void erase(List<Account> due, String why) {
        for (Account account : due) {
            try {
                accounts.erase(account.id(), null, new LogEntry(clock.instant(), BY, null, LogAction.ERASED, why));
                log.info("Erased account {}: {}", account.id(), why);
            } catch (IllegalTransitionException erasedMeanwhile) {
                log.debug("Account {} was erased meanwhile", account.id());
            }
        }
    }
}
