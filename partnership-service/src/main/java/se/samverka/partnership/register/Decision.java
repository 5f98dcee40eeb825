package se.samverka.partnership.register;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import se.samverka.platform.messaging.personaldata.StaffMember;

/**
 * A decision about the partnership, as the municipality's records have it: who decided, when, under which paragraph
 * and registration number (e.g. Kommunfullmäktige 2007-11-22 § 185, Dnr 1783/200).
 *
 * @param note              free text; stays in this service (never in events)
 * @param recordedBy        who recorded it in Samverka
 * @param recordedBySubject who recorded it, as their tokens' subject: kept to find a person's entries, never shown;
 *                          null for decisions older than its keeping
 */
public record Decision(
        String id,
        String body,
        LocalDate decidedOn,
        String paragraph,
        String registrationNumber,
        String note,
        Instant recordedAt,
        String recordedBy,
        @JsonIgnore String recordedBySubject) {

    /** The decision as the municipality's public records have it, without the note and who recorded it. */
    Decision withoutNote() {
        return new Decision(id, body, decidedOn, paragraph, registrationNumber, null, recordedAt, null, null);
    }

    boolean recordedBy(StaffMember person) {
        return person.named(recordedBySubject, recordedBy);
    }

    /** The decision as recorded by whom {@code replacement} names. */
    Decision recordedBy(String replacement) {
        return new Decision(id, body, decidedOn, paragraph, registrationNumber, note, recordedAt, replacement,
                replacement);
    }
}
