package se.samverka.reporting.opendata.rdf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A value: a text in a language, or a typed value such as a date-time. A string (xsd:string) is written as a plain
 * literal, which in RDF 1.1 is the same.
 *
 * @param language a BCP 47 tag (sv, en), or null for a typed value
 * @param datatype null for a text in a language
 */
public record Literal(String lexical, String language, Iri datatype) implements Term {

    static final Iri STRING = Vocabulary.XSD.append("string");

    public Literal {
        if ((language == null) == (datatype == null)) {
            throw new IllegalArgumentException("a literal has either a language or a datatype: " + lexical);
        }
    }

    public static Literal text(String text, String language) {
        return new Literal(text, language, null);
    }

    public static Literal string(String text) {
        return new Literal(text, null, STRING);
    }

    /** Whether it is written without a language or a datatype. */
    boolean plain() {
        return STRING.equals(datatype);
    }

    /** An instant to the second, in UTC. */
    public static Literal dateTime(Instant instant) {
        return new Literal(instant.truncatedTo(ChronoUnit.SECONDS).toString(), null,
                Vocabulary.XSD.append("dateTime"));
    }
}
