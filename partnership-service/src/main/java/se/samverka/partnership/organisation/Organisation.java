package se.samverka.partnership.organisation;

/**
 * An actor the municipality works with, or one of its own departments and companies.
 *
 * @param country ISO 3166-1 alpha-2
 */
public record Organisation(String name, OrganisationType type, String country) {
}
