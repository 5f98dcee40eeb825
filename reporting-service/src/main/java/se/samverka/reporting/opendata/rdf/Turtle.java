package se.samverka.reporting.opendata.rdf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a graph as Turtle (text/turtle): the vocabulary's prefixes, then each subject with its statements. */
public final class Turtle {

    private Turtle() {
    }

    public static byte[] write(Graph graph) {
        StringBuilder turtle = new StringBuilder();
        Vocabulary.PREFIXES.forEach((prefix, namespace) ->
                turtle.append("@prefix ").append(prefix).append(": <").append(namespace.value()).append("> .\n"));
        graph.subjects().forEach((subject, statements) -> {
            turtle.append('\n').append(iri(subject));
            Map<Iri, List<Term>> byPredicate = Graph.byPredicate(statements);
            int left = byPredicate.size();
            for (Map.Entry<Iri, List<Term>> predicate : byPredicate.entrySet()) {
                turtle.append("\n    ")
                        .append(predicate.getKey().equals(Vocabulary.TYPE) ? "a" : iri(predicate.getKey()))
                        .append(' ')
                        .append(predicate.getValue().stream().map(Turtle::term).collect(Collectors.joining(", ")))
                        .append(--left == 0 ? " ." : " ;");
            }
            turtle.append('\n');
        });
        return turtle.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String term(Term term) {
        return term instanceof Iri iri ? iri(iri) : literal((Literal) term);
    }

    private static String iri(Iri iri) {
        return PrefixedNames.prefixed(iri).map(PrefixedNames.Prefixed::toString).orElse("<" + iri.value() + ">");
    }

    private static String literal(Literal literal) {
        String quoted = '"' + escaped(literal.lexical()) + '"';
        if (literal.plain()) {
            return quoted;
        }
        return literal.language() != null ? quoted + "@" + literal.language() : quoted + "^^" + iri(literal.datatype());
    }

    /** The characters a quoted string may not hold as they are. */
    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
