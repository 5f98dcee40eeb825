package se.samverka.partnership.call;

/** Where a funding call stands, derived from its dates and today: nothing sets it but a withdrawal. */
public enum CallStatus {
    UPCOMING,
    OPEN,
    CLOSED,
    WITHDRAWN
}
