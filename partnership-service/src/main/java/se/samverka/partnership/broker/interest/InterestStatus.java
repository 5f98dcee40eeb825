package se.samverka.partnership.broker.interest;

/** Whether an interest still stands: OPEN until its organisation withdraws it or its last day passes. */
public enum InterestStatus {
    OPEN,
    WITHDRAWN,
    EXPIRED
}
