package se.samverka.reporting.opendata;

/** A text in Swedish and in English. */
public record Bilingual(String sv, String en) {
}
