package se.samverka.partnership.register;

import java.time.LocalDate;

/**
 * A notice of an agreement's date that has gone out, for that date: a date that moves gets notices of its own.
 *
 * @param daysBefore the lead time it was for, or {@link #CAME} for the notice that the date came
 */
public record AgreementNotice(AgreementDue due, LocalDate dueOn, int daysBefore) {

    static final int CAME = 0;
}
