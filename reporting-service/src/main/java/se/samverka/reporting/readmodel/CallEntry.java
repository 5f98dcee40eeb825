package se.samverka.reporting.readmodel;

import java.time.LocalDate;

/**
 * A funding call as the reports know it, from its own events only: what the broker's report counts of it.
 *
 * @param programme   a code of the funding programmes' reference data
 * @param status      PUBLISHED, CLOSED (its deadline passed) or WITHDRAWN
 * @param publishedOn the day it entered the register, in the municipality's time zone
 */
public record CallEntry(
        String programme,
        String name,
        String nameEn,
        LocalDate deadline,
        String visibility,
        String status,
        LocalDate publishedOn) {

    public static final String WITHDRAWN = "WITHDRAWN";

    CallEntry describedAs(String newProgramme, String newName, String newNameEn, LocalDate newDeadline,
                          String newVisibility) {
        return new CallEntry(newProgramme, newName, newNameEn, newDeadline, newVisibility, status, publishedOn);
    }

    CallEntry withStatus(String newStatus) {
        return new CallEntry(programme, name, nameEn, deadline, visibility, newStatus, publishedOn);
    }

    /** Withdrawn calls were cancelled or entered by mistake: they do not count as published. */
    public boolean withdrawn() {
        return WITHDRAWN.equals(status);
    }
}
