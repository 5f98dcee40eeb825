package se.samverka.reporting.opendata.rdf;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An absolute IRI. The Swedish data portal takes only absolute ones, and the writers put it between angle brackets or
 * in an attribute as it is, so characters that would need escaping there (spaces, quotes, brackets) are refused here.
 */
public record Iri(String value) implements Term {

    private static final String NOT_IN_AN_IRI = "<>\"{}|^`\\";

    public Iri {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || NOT_IN_AN_IRI.indexOf(c) >= 0) {
                throw new IllegalArgumentException("not an IRI, it has '" + c + "': " + value);
            }
        }
        try {
            if (!new URI(value).isAbsolute()) {
                throw new IllegalArgumentException("not an absolute IRI: " + value);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an IRI: " + value, e);
        }
    }

    /** The IRI of {@code local} in this namespace. */
    public Iri append(String local) {
        return new Iri(value + local);
    }

    @Override
    public String toString() {
        return value;
    }
}
