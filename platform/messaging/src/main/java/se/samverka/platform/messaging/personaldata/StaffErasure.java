package se.samverka.platform.messaging.personaldata;

/**
 * The body of {@code POST /api/personal-data/staff/erasure}: whom to erase, and what histories name them by instead.
 *
 * @param subject     the subject of the person's tokens (their username)
 * @param name        the name histories show for them, for the entries older than the subject's keeping
 * @param replacement their role and organisation, e.g. "STAFF, Kultur- och fritidsförvaltningen"
 */
public record StaffErasure(String subject, String name, String replacement) {
}
