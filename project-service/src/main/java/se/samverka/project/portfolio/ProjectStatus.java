package se.samverka.project.portfolio;

import java.util.EnumSet;
import java.util.Set;

/** Where a project stands in its lifecycle. */
public enum ProjectStatus {
    IDEA,
    PRE_STUDY,
    APPLICATION_DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    ONGOING,
    SUSPENDED,
    FINAL_REPORTED,
    CLOSED,
    CANCELLED;

    /** Statuses a project can still be cancelled from: everything before its final report. */
    static final Set<ProjectStatus> OPEN = EnumSet.of(IDEA, PRE_STUDY, APPLICATION_DRAFT, SUBMITTED, APPROVED, ONGOING,
            SUSPENDED);

    /** A project that has ended one way or another. */
    public boolean isTerminal() {
        return this == REJECTED || this == WITHDRAWN || this == CLOSED || this == CANCELLED;
    }
}
