package se.samverka.reporting.opendata.rdf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The namespaces the catalogue speaks in, with the prefixes the writers give them. */
public final class Vocabulary {

    public static final Iri RDF = new Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    public static final Iri RDFS = new Iri("http://www.w3.org/2000/01/rdf-schema#");
    public static final Iri XSD = new Iri("http://www.w3.org/2001/XMLSchema#");
    public static final Iri DCAT = new Iri("http://www.w3.org/ns/dcat#");
    public static final Iri DCT = new Iri("http://purl.org/dc/terms/");
    public static final Iri FOAF = new Iri("http://xmlns.com/foaf/0.1/");
    public static final Iri VCARD = new Iri("http://www.w3.org/2006/vcard/ns#");
    public static final Iri SKOS = new Iri("http://www.w3.org/2004/02/skos/core#");

    public static final Iri TYPE = RDF.append("type");

    /** Prefix by namespace, in the order the writers declare them. */
    public static final Map<String, Iri> PREFIXES = prefixes();

    private Vocabulary() {
    }

    private static Map<String, Iri> prefixes() {
        Map<String, Iri> prefixes = new LinkedHashMap<>();
        prefixes.put("rdf", RDF);
        prefixes.put("rdfs", RDFS);
        prefixes.put("xsd", XSD);
        prefixes.put("dcat", DCAT);
        prefixes.put("dct", DCT);
        prefixes.put("foaf", FOAF);
        prefixes.put("vcard", VCARD);
        prefixes.put("skos", SKOS);
        return Collections.unmodifiableMap(prefixes);
    }
}
