package se.samverka.reporting.opendata.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import se.samverka.reporting.opendata.Rdf;

/** The writers of Turtle, JSON-LD and RDF/XML, read back with Apache Jena. */
class RdfWritersTest {

    private static final String AWKWARD = "\"Vinter\" & <sommar>\\ på Åre\nrad två\ttab — 北極";
    private static final Iri SUBJECT = new Iri("https://samverka.ostersund.se/x#y");

    @Test
    void everyWriterKeepsTextsTimesAndAddressesAsTheyAre() {
        Graph graph = new Graph();
        graph.describe(SUBJECT).type(Vocabulary.DCAT.append("Dataset"))
                .text(Vocabulary.DCT.append("title"), AWKWARD, "English")
                .add(Vocabulary.DCT.append("modified"), Literal.dateTime(Instant.parse("2026-05-01T10:15:30.999Z")))
                .add(Vocabulary.DCT.append("source"), new Iri("http://example.org/a?b=c&d=e"))
                .add(Vocabulary.DCT.append("identifier"), Literal.string("projects"));

        Map<Lang, byte[]> written = Map.of(Lang.TURTLE, Turtle.write(graph), Lang.JSONLD, JsonLd.write(graph),
                Lang.RDFXML, RdfXml.write(graph));

        written.forEach((syntax, document) -> {
            Model model = Rdf.parse(document, syntax);
            Resource subject = model.getResource(SUBJECT.value());
            assertThat(model.size()).as(syntax.getLabel()).isEqualTo(6);
            assertThat(subject.getProperty(DCTerms.title, "sv").getString()).as(syntax.getLabel()).isEqualTo(AWKWARD);
            assertThat(subject.getProperty(DCTerms.modified).getLiteral().getLexicalForm()).as(syntax.getLabel())
                    .isEqualTo("2026-05-01T10:15:30Z");
            assertThat(subject.getProperty(DCTerms.source).getResource().getURI()).as(syntax.getLabel())
                    .isEqualTo("http://example.org/a?b=c&d=e");
            assertThat(subject.getProperty(DCTerms.identifier).getLiteral().getDatatypeURI()).as(syntax.getLabel())
                    .isEqualTo("http://www.w3.org/2001/XMLSchema#string");
        });
    }

    @Test
    void onlyAbsoluteIrisWithNothingToEscapeAreTaken() {
        assertThatThrownBy(() -> new Iri("datasets/projects")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new Iri("https://example.org/a b")).hasMessageContaining("not an IRI");
        assertThatThrownBy(() -> new Iri("https://example.org/<a>")).hasMessageContaining("not an IRI");
    }

    @Test
    void rdfXmlNeedsAPrefixForEveryPredicate() {
        Graph graph = new Graph();
        graph.describe(new Iri("https://example.org/s")).add(new Iri("https://example.org/unknown#p"),
                Literal.string("x"));

        assertThatThrownBy(() -> RdfXml.write(graph)).hasMessageContaining("https://example.org/unknown#p");
    }
}
