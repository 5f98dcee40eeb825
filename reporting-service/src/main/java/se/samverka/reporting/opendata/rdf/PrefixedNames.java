package se.samverka.reporting.opendata.rdf;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IRI as a prefixed name of one of the vocabulary's namespaces, where it is one. */
final class PrefixedNames {

    /** A local name every syntax takes as it is (Turtle's, JSON-LD's compact IRIs, XML's element names). */
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private PrefixedNames() {
    }

    /** {@code dcat:Dataset} for {@code http://www.w3.org/ns/dcat#Dataset}; empty where no prefix fits. */
    static Optional<Prefixed> prefixed(Iri iri) {
        for (Map.Entry<String, Iri> prefix : Vocabulary.PREFIXES.entrySet()) {
            String namespace = prefix.getValue().value();
            if (iri.value().startsWith(namespace)) {
                String local = iri.value().substring(namespace.length());
                if (LOCAL.matcher(local).matches()) {
                    return Optional.of(new Prefixed(prefix.getKey(), namespace, local));
                }
            }
        }
        return Optional.empty();
    }

    record Prefixed(String prefix, String namespace, String local) {

        @Override
        public String toString() {
            return prefix + ":" + local;
        }
    }
}
