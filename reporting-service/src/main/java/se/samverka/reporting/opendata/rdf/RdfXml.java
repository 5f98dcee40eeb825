package se.samverka.reporting.opendata.rdf;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a graph as RDF/XML (application/rdf+xml), the syntax the Swedish data portal harvests: one
 * {@code rdf:Description} per subject, each statement an element named by its predicate's prefixed name.
 */
public final class RdfXml {

    private static final String RDF = Vocabulary.RDF.value();
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private RdfXml() {
    }

    public static byte[] write(Graph graph) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rdf", "RDF", RDF);
            for (var prefix : Vocabulary.PREFIXES.entrySet()) {
                xml.writeNamespace(prefix.getKey(), prefix.getValue().value());
            }
            for (var subject : graph.subjects().entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("rdf", "Description", RDF);
                xml.writeAttribute("rdf", RDF, "about", subject.getKey().value());
                for (Graph.Statement statement : subject.getValue()) {
                    xml.writeCharacters("\n    ");
                    statement(xml, statement);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The catalogue could not be written as RDF/XML", e);
        }
        return bytes.toByteArray();
    }

    private static void statement(XMLStreamWriter xml, Graph.Statement statement) throws XMLStreamException {
        PrefixedNames.Prefixed predicate = PrefixedNames.prefixed(statement.predicate()).orElseThrow(() ->
                new IllegalArgumentException("RDF/XML names a predicate by a prefix: " + statement.predicate()));
        if (statement.object() instanceof Iri iri) {
            xml.writeEmptyElement(predicate.prefix(), predicate.local(), predicate.namespace());
            xml.writeAttribute("rdf", RDF, "resource", iri.value());
            return;
        }
        Literal literal = (Literal) statement.object();
        xml.writeStartElement(predicate.prefix(), predicate.local(), predicate.namespace());
        if (literal.language() != null) {
            xml.writeAttribute("xml", XML, "lang", literal.language());
        } else if (!literal.plain()) {
            xml.writeAttribute("rdf", RDF, "datatype", literal.datatype().value());
        }
        xml.writeCharacters(literal.lexical());
        xml.writeEndElement();
    }
}
