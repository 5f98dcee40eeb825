package se.samverka.partnership.register;

import java.time.LocalDate;

/** The dates of an agreement that come due: its end (validTo) and when it is to be renewed (renewalOn). */
public enum AgreementDue {
    /** The agreement holds through its validTo and has expired the day after. */
    EXPIRY {
        @Override
        LocalDate dateOf(Agreement agreement) {
            return agreement.validTo();
        }

        @Override
        boolean hasCome(LocalDate dueOn, LocalDate today) {
            return today.isAfter(dueOn);
        }
    },
    /** Renewal is due on its renewalOn. */
    RENEWAL {
        @Override
        LocalDate dateOf(Agreement agreement) {
            return agreement.renewalOn();
        }

        @Override
        boolean hasCome(LocalDate dueOn, LocalDate today) {
            return !today.isBefore(dueOn);
        }
    };

    /** The agreement's date of this kind; null where it has none. */
    abstract LocalDate dateOf(Agreement agreement);

    abstract boolean hasCome(LocalDate dueOn, LocalDate today);
}
