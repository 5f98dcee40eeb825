package se.samverka.platform.messaging.personaldata;

/**
 * What a service says of its histories in a person's export; a service that declares it as a bean, beside a
 * {@link StaffHistory} per aggregate type that names people, answers {@code /api/personal-data/staff}.
 *
 * @param heldIn  the service and the registers its histories belong to
 * @param purpose why the histories name people
 */
public record StaffPersonalDataSettings(String heldIn, String purpose) {
}
