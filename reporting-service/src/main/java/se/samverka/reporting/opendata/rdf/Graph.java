package se.samverka.reporting.opendata.rdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RDF graph: each subject an IRI (the data portal takes no blank nodes for what it harvests, and the catalogue
 * needs none) with its statements in the order they were made, so that every writing of the same graph is the same.
 */
public final class Graph {

    private final Map<Iri, List<Statement>> subjects = new LinkedHashMap<>();

    public record Statement(Iri predicate, Term object) {
    }

    /** The subject, to say things of; said of before, its statements go on. */
    public Subject describe(Iri subject) {
        return new Subject(subjects.computeIfAbsent(subject, ignored -> new ArrayList<>()));
    }

    /** Every subject with its statements, in the order they were made. */
    public Map<Iri, List<Statement>> subjects() {
        return subjects;
    }

    /** A subject's statements by predicate, each predicate where it was first said. */
    static Map<Iri, List<Term>> byPredicate(List<Statement> statements) {
        Map<Iri, List<Term>> objects = new LinkedHashMap<>();
        statements.forEach(statement ->
                objects.computeIfAbsent(statement.predicate(), ignored -> new ArrayList<>()).add(statement.object()));
        return objects;
    }

    /** What is said of one subject. */
    public static final class Subject {

        private final List<Statement> statements;

        private Subject(List<Statement> statements) {
            this.statements = statements;
        }

        public Subject type(Iri type) {
            return add(Vocabulary.TYPE, type);
        }

        public Subject add(Iri predicate, Term object) {
            Statement statement = new Statement(predicate, object);
            if (!statements.contains(statement)) {
                statements.add(statement);
            }
            return this;
        }

        /** A text in Swedish and in English. */
        public Subject text(Iri predicate, String sv, String en) {
            return add(predicate, Literal.text(sv, "sv")).add(predicate, Literal.text(en, "en"));
        }
    }
}
