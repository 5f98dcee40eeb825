package se.samverka.reporting.opendata.rdf;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a graph as JSON-LD (application/ld+json): a context of the vocabulary's prefixes only, so that a reader needs
 * no context from elsewhere, and the subjects in {@code @graph}, each value in its explicit form.
 */
public final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonLd() {
    }

    public static byte[] write(Graph graph) {
        ObjectNode document = NODES.objectNode();
        ObjectNode context = document.putObject("@context");
        Vocabulary.PREFIXES.forEach((prefix, namespace) -> context.put(prefix, namespace.value()));
        ArrayNode subjects = document.putArray("@graph");
        graph.subjects().forEach((subject, statements) -> {
            ObjectNode node = subjects.addObject();
            node.put("@id", subject.value());
            for (Map.Entry<Iri, List<Term>> predicate : Graph.byPredicate(statements).entrySet()) {
                if (predicate.getKey().equals(Vocabulary.TYPE)) {
                    ArrayNode types = node.putArray("@type");
                    predicate.getValue().forEach(type -> types.add(name((Iri) type)));
                } else {
                    ArrayNode values = node.putArray(name(predicate.getKey()));
                    predicate.getValue().forEach(value -> values.add(value(value)));
                }
            }
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    private static ObjectNode value(Term term) {
        ObjectNode value = NODES.objectNode();
        if (term instanceof Iri iri) {
            return value.put("@id", iri.value());
        }
        Literal literal = (Literal) term;
        value.put("@value", literal.lexical());
        if (literal.plain()) {
            return value;
        }
        return literal.language() != null ? value.put("@language", literal.language())
                : value.put("@type", literal.datatype().value());
    }

    /** A compact IRI where a prefix fits, else the IRI itself. */
    private static String name(Iri iri) {
        return PrefixedNames.prefixed(iri).map(PrefixedNames.Prefixed::toString).orElse(iri.value());
    }
}
