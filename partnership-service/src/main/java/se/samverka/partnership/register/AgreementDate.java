package se.samverka.partnership.register;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A date of a partnership's agreement, of one kind. */
record AgreementDate(AgreementDue due, LocalDate dueOn) {

    /** Days until the date, 0 on the day itself, negative once it has passed. */
    int daysLeft(LocalDate today) {
        return (int) ChronoUnit.DAYS.between(today, dueOn);
    }
}
