package se.samverka.platform.messaging.personaldata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a history that names a person, as their access request shows it.
 *
 * @param aggregate     what kind of thing the history is of, e.g. partnership or project
 * @param aggregateName its name or title, where it has one, so that the person recognises it
 * @param entry         the field that names them, e.g. {@code history[2].by}
 * @param at            when it happened, where the entry keeps the moment
 * @param on            the day, where the entry keeps only that
 * @param what          what they did, in a few words
 */
public record StaffEntry(
        String aggregate,
        String aggregateId,
        String aggregateName,
        String entry,
        Instant at,
        LocalDate on,
        String what) {
}
