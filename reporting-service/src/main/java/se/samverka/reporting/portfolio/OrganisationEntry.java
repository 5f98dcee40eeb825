package se.samverka.reporting.portfolio;

/** An organisation as the portfolio counts it. */
public record OrganisationEntry(String name, String type, String country) {
}
