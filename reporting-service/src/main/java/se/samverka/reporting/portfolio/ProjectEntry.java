package se.samverka.reporting.portfolio;

/** A project as the portfolio counts it. */
public record ProjectEntry(String title, String ownerOrganisationId, String status, String visibility) {
}
