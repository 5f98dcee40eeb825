package se.samverka.project.project;

/** Where a project stands in its lifecycle. Every project starts as an IDEA; its transitions belong to the lifecycle. */
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
    CANCELLED
}
