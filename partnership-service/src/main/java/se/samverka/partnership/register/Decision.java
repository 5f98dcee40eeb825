package se.samverka.partnership.register;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision about the partnership, as the municipality's records have it: who decided, when, under which paragraph
 * and registration number (e.g. Kommunfullmäktige 2007-11-22 § 185, Dnr 1783/200).
 *
 * @param note       free text; stays in this service (never in events)
 * @param recordedBy who recorded it in Samverka
 */
public record Decision(
        String id,
        String body,
        LocalDate decidedOn,
        String paragraph,
        String registrationNumber,
        String note,
        Instant recordedAt,
        String recordedBy) {

    /** The decision as the municipality's public records have it, without the note and who recorded it. */
    Decision withoutNote() {
        return new Decision(id, body, decidedOn, paragraph, registrationNumber, null, recordedAt, null);
    }
}
