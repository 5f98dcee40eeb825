package se.samverka.reporting.report;

/**
 * How many of something have one value of a dimension.
 *
 * @param key  the value, e.g. ONGOING, an organisation's id, a country code; NONE for those without one
 * @param name what a person reads for it, where the key is a code or an id (an organisation's name, a country's)
 */
public record Count(String key, String name, long count) {
}
