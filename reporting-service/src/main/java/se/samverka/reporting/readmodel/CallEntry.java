package se.samverka.reporting.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.platform.events.Money;

/**
 * A funding call as the reports know it, from its own events only: what the broker's report counts of it, and what
 * the open data publishes of a PUBLIC one. Entries written before the opening day, budget, link and last change were
 * kept lack them until a rebuild.
 *
 * @param programme     a code of the funding programmes' reference data
 * @param url           the programme's page for the call
 * @param status        PUBLISHED, CLOSED (its deadline passed) or WITHDRAWN
 * @param publishedOn   the day it entered the register, in the municipality's time zone
 * @param lastChangedAt when its latest event happened
 */
public record CallEntry(
        String programme,
        String name,
        String nameEn,
        LocalDate opensOn,
        LocalDate deadline,
        Money budget,
        String url,
        String visibility,
        String status,
        LocalDate publishedOn,
        Instant lastChangedAt) {

    public static final String WITHDRAWN = "WITHDRAWN";

    static CallEntry published(CallDescription d, LocalDate on, Instant at) {
        return new CallEntry(d.programme(), d.name(), d.nameEn(), d.opensOn(), d.deadline(), d.budget(), d.url(),
                d.visibility(), "PUBLISHED", on, at);
    }

    CallEntry describedAs(CallDescription d, Instant at) {
        return new CallEntry(d.programme(), d.name(), d.nameEn(), d.opensOn(), d.deadline(), d.budget(), d.url(),
                d.visibility(), status, publishedOn, at);
    }

    CallEntry withStatus(String newStatus, Instant at) {
        return new CallEntry(programme, name, nameEn, opensOn, deadline, budget, url, visibility, newStatus,
                publishedOn, at);
    }

    /** Withdrawn calls were cancelled or entered by mistake: they do not count as published. */
    public boolean withdrawn() {
        return WITHDRAWN.equals(status);
    }
}
