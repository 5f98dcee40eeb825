package se.samverka.reporting.opendata;

import static se.samverka.reporting.opendata.rdf.Vocabulary.DCAT;
import static se.samverka.reporting.opendata.rdf.Vocabulary.DCT;
import static se.samverka.reporting.opendata.rdf.Vocabulary.FOAF;
import static se.samverka.reporting.opendata.rdf.Vocabulary.RDFS;
import static se.samverka.reporting.opendata.rdf.Vocabulary.SKOS;
import static se.samverka.reporting.opendata.rdf.Vocabulary.VCARD;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import se.samverka.reporting.opendata.rdf.Graph;
import se.samverka.reporting.opendata.rdf.Iri;
import se.samverka.reporting.opendata.rdf.Literal;

/**
 * The datasets described in DCAT-AP-SE, the Swedish profile of DCAT-AP, for the national data portal
 * (dataportal.se) to harvest. Everything harvested has an IRI of its own (the portal takes no blank nodes for them),
 * and the publisher is described once, by the portal's IRI for its organisation number. The terms of the EU's
 * vocabularies the catalogue names (licences, languages, themes, file types) are typed as DCAT-AP expects them, so
 * that validators that check ranges find them.
 */
public final class Catalogue {

    public static final String PATH = "/api/open-data/catalog";
    public static final String DATASETS = "/api/open-data/datasets";

    private static final Iri AUTHORITY = new Iri("http://publications.europa.eu/resource/authority/");
    private static final Iri THEMES = AUTHORITY.append("data-theme");
    private static final Map<String, Bilingual> THEME_LABELS = Map.of(
            "GOVE", new Bilingual("Regeringen och den offentliga sektorn", "Government and public sector"),
            "INTR", new Bilingual("Internationella frågor", "International issues"),
            "ECON", new Bilingual("Ekonomi och finans", "Economy and finance"));
    private static final Iri SWEDISH = AUTHORITY.append("language/SWE");
    private static final Iri ENGLISH = AUTHORITY.append("language/ENG");
    private static final Iri CONTINUOUSLY_UPDATED = AUTHORITY.append("frequency/UPDATE_CONT");
    private static final Iri PUBLIC_ACCESS = AUTHORITY.append("access-right/PUBLIC");
    private static final Iri LOCAL_AUTHORITY = new Iri("http://purl.org/adms/publishertype/LocalAuthority");

    private Catalogue() {
    }

    /** The catalogue of the datasets as they are published now. */
    public static Graph of(OpenDataSettings settings, Collection<Rendered> datasets) {
        Graph graph = new Graph();
        Iri publisher = new Iri(settings.publisher().uri().toString());
        Iri contact = settings.at(PATH + "#contact");
        String name = settings.publisher().name();
        Graph.Subject catalogue = graph.describe(settings.at(PATH)).type(DCAT.append("Catalog"))
                .text(DCT.append("title"), name + ": internationellt arbete (Samverka)",
                        name + ": international work (Samverka)")
                .text(DCT.append("description"), "Öppna data ur Samverka, plattformen för kommunens internationella "
                                + "arbete: projekt, partnerskap, organisationer, extern finansiering och utlysningar, "
                                + "alltid aktuella.",
                        "Open data from Samverka, the municipality's platform for its international work: projects, "
                                + "partnerships, organisations, external funding and funding calls, always current.")
                .add(DCT.append("publisher"), publisher)
                // The catalogue's own licence: DCAT-AP-SE asks CC0 of every catalogue, whatever its datasets' are.
                .add(DCT.append("license"), Licence.CC0.iri())
                .add(DCT.append("language"), SWEDISH).add(DCT.append("language"), ENGLISH)
                .add(FOAF.append("homepage"), homepage(settings))
                .add(DCAT.append("themeTaxonomy"), THEMES);
        latest(datasets).ifPresent(modified -> catalogue.add(DCT.append("modified"), Literal.dateTime(modified)));
        datasets.forEach(dataset -> catalogue.add(DCAT.append("dataset"), datasetIri(settings, dataset.dataset())));

        graph.describe(homepage(settings)).type(FOAF.append("Document"));
        graph.describe(publisher).type(FOAF.append("Agent"))
                .add(FOAF.append("name"), Literal.string(name))
                .add(DCT.append("type"), LOCAL_AUTHORITY);
        graph.describe(contact).type(VCARD.append("Organization")).type(VCARD.append("Kind"))
                .add(VCARD.append("fn"), Literal.string(name))
                .add(VCARD.append("hasEmail"), settings.contact());
        datasets.forEach(dataset -> dataset(graph, settings, dataset, publisher, contact));
        vocabulary(graph, settings.licence());
        return graph;
    }

    /** The public start page, where the datasets are linked. */
    private static Iri homepage(OpenDataSettings settings) {
        return settings.at("/");
    }

    /** The dataset's IRI, which is also where its description is read. */
    public static Iri datasetIri(OpenDataSettings settings, Dataset<?> dataset) {
        return settings.at(DATASETS + "/" + dataset.id());
    }

    /** Where a form of the dataset is downloaded. */
    public static Iri downloadUrl(OpenDataSettings settings, Dataset<?> dataset, Distribution distribution) {
        return settings.at(DATASETS + "/" + dataset.id() + "." + distribution.extension());
    }

    private static void dataset(Graph graph, OpenDataSettings settings, Rendered rendered, Iri publisher,
                                Iri contact) {
        Dataset<?> dataset = rendered.dataset();
        Iri iri = datasetIri(settings, dataset);
        Graph.Subject described = graph.describe(iri).type(DCAT.append("Dataset"))
                .text(DCT.append("title"), dataset.title().sv(), dataset.title().en())
                .text(DCT.append("description"), dataset.description().sv(), dataset.description().en())
                .add(DCT.append("identifier"), Literal.string(iri.value()))
                .add(DCT.append("publisher"), publisher)
                .add(DCAT.append("contactPoint"), contact)
                .add(DCT.append("accrualPeriodicity"), CONTINUOUSLY_UPDATED)
                .add(DCT.append("accessRights"), PUBLIC_ACCESS)
                .add(DCT.append("language"), SWEDISH).add(DCT.append("language"), ENGLISH);
        dataset.themes().forEach(theme -> described.add(DCAT.append("theme"), THEMES.append("/" + theme)));
        dataset.keywords().forEach(keyword -> described.text(DCAT.append("keyword"), keyword.sv(), keyword.en()));
        rendered.modified().ifPresent(modified -> described.add(DCT.append("modified"), Literal.dateTime(modified)));
        for (Distribution distribution : Distribution.values()) {
            Iri form = new Iri(iri.value() + "#" + distribution.extension());
            Iri url = downloadUrl(settings, dataset, distribution);
            described.add(DCAT.append("distribution"), form);
            graph.describe(form).type(DCAT.append("Distribution"))
                    .text(DCT.append("title"), dataset.title().sv() + " (" + distribution + ")",
                            dataset.title().en() + " (" + distribution + ")")
                    .add(DCAT.append("accessURL"), url)
                    .add(DCAT.append("downloadURL"), url)
                    .add(DCT.append("format"), distribution.fileType())
                    .add(DCAT.append("mediaType"), distribution.ianaMediaType())
                    .add(DCT.append("license"), settings.licence().iri());
            // DCAT-AP's full shapes expect the addresses typed as resources, which without inference they are not.
            graph.describe(url).type(RDFS.append("Resource"));
        }
    }

    /** The EU vocabularies' terms the catalogue names, typed as DCAT-AP's ranges have them. */
    private static void vocabulary(Graph graph, Licence licence) {
        graph.describe(Licence.CC0.iri()).type(DCT.append("LicenseDocument"));
        graph.describe(licence.iri()).type(DCT.append("LicenseDocument"));
        graph.describe(SWEDISH).type(DCT.append("LinguisticSystem"));
        graph.describe(ENGLISH).type(DCT.append("LinguisticSystem"));
        graph.describe(THEMES).type(SKOS.append("ConceptScheme")).text(DCT.append("title"), "Datatema", "Data theme");
        THEME_LABELS.keySet().stream().sorted().forEach(theme -> graph.describe(THEMES.append("/" + theme))
                .type(SKOS.append("Concept"))
                .text(SKOS.append("prefLabel"), THEME_LABELS.get(theme).sv(), THEME_LABELS.get(theme).en())
                .add(SKOS.append("inScheme"), THEMES));
        graph.describe(LOCAL_AUTHORITY).type(SKOS.append("Concept"))
                .text(SKOS.append("prefLabel"), "Lokal myndighet/kommun", "Local Authority");
        graph.describe(CONTINUOUSLY_UPDATED).type(DCT.append("Frequency"));
        graph.describe(PUBLIC_ACCESS).type(DCT.append("RightsStatement"));
        for (Distribution distribution : Distribution.values()) {
            graph.describe(distribution.fileType()).type(DCT.append("MediaTypeOrExtent"));
            graph.describe(distribution.ianaMediaType()).type(DCT.append("MediaType"));
        }
    }

    private static Optional<Instant> latest(Collection<Rendered> datasets) {
        return PublicRegister.latest(datasets.stream().flatMap(dataset -> dataset.modified().stream()));
    }
}
