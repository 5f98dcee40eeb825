package se.samverka.reporting.opendata.rdf;

/** What a statement says of its subject: another resource (an IRI) or a value (a literal). */
public sealed interface Term permits Iri, Literal {
}
