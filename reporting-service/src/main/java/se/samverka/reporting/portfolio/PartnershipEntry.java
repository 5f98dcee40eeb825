package se.samverka.reporting.portfolio;

/** A partnership as the portfolio counts it. */
public record PartnershipEntry(String name, String type, String status, String visibility) {
}
