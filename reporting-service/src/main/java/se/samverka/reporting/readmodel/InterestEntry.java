package se.samverka.reporting.readmodel;

import java.time.LocalDate;

/**
 * An interest as the reports know it, from its own events only. Its organisation's sector is joined when a report is
 * asked for, so that the entry is the same whatever order the topics were read in; its words stay out.
 *
 * @param direction OFFERS or SEEKS
 * @param status    OPEN, WITHDRAWN or EXPIRED
 * @param statedOn  the day it was stated, in the municipality's time zone
 * @param closedOn  the day it was withdrawn or expired; null while open
 */
public record InterestEntry(
        String organisationId,
        String direction,
        String visibility,
        LocalDate validUntil,
        String status,
        LocalDate statedOn,
        LocalDate closedOn) {

    public static final String OPEN = "OPEN";

    InterestEntry describedAs(String newOrganisationId, String newDirection, String newVisibility,
                              LocalDate newValidUntil) {
        return new InterestEntry(newOrganisationId, newDirection, newVisibility, newValidUntil, status, statedOn,
                closedOn);
    }

    InterestEntry closed(String reason, LocalDate on) {
        return new InterestEntry(organisationId, direction, visibility, validUntil, reason, statedOn, on);
    }

    /** Whether it stood at the end of {@code day}: stated by then, not closed by then, and not past its last day. */
    public boolean standsOn(LocalDate day) {
        return !statedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day)) && !validUntil.isBefore(day);
    }
}
