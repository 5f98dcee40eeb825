package se.samverka.reporting.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.Test;
import se.samverka.reporting.opendata.rdf.Graph;
import se.samverka.reporting.opendata.rdf.JsonLd;
import se.samverka.reporting.opendata.rdf.RdfXml;
import se.samverka.reporting.opendata.rdf.Turtle;

/**
 * The catalogue of the datasets, written without an RDF library, read back with Apache Jena in each of its syntaxes
 * and validated against the shapes of DCAT-AP-SE's requirements ({@code opendata/dcat-ap-se-shapes.ttl}).
 */
class CatalogueTest {

    private static final String CC0 = "http://creativecommons.org/publicdomain/zero/1.0/";
    private static final String CC_BY = "http://creativecommons.org/licenses/by/4.0/";
    private static final String BASE = "https://samverka.ostersund.se";

    @Test
    void everySyntaxHoldsTheSameGraphAndItConformsToTheShapes() {
        Graph catalogue = catalogue(Licence.CC0);

        Model turtle = Rdf.parse(Turtle.write(catalogue), Lang.TURTLE);
        Model jsonLd = Rdf.parse(JsonLd.write(catalogue), Lang.JSONLD);
        Model rdfXml = Rdf.parse(RdfXml.write(catalogue), Lang.RDFXML);

        assertThat(turtle.isIsomorphicWith(jsonLd)).as("Turtle and JSON-LD hold the same graph").isTrue();
        assertThat(turtle.isIsomorphicWith(rdfXml)).as("Turtle and RDF/XML hold the same graph").isTrue();
        assertThat(Rdf.violations(turtle)).isEmpty();
    }

    @Test
    void eachDatasetIsDescribedWithItsFormsWhereTheyAreDownloaded() {
        Model model = Rdf.parse(Turtle.write(catalogue(Licence.CC0)), Lang.TURTLE);
        Resource catalog = model.getResource(BASE + "/api/open-data/catalog");
        Resource projects = model.getResource(BASE + "/api/open-data/datasets/projects");

        assertThat(model.listResourcesWithProperty(RDF.type, DCAT.Dataset).toList()).hasSize(5);
        assertThat(objects(catalog, DCAT.dataset)).contains(projects.getURI());
        assertThat(catalog.getProperty(DCTerms.license).getResource().getURI()).isEqualTo(CC0);
        assertThat(projects.getProperty(DCTerms.title, "sv").getString()).isEqualTo("Internationella projekt");
        assertThat(projects.getProperty(DCTerms.title, "en").getString()).isEqualTo("International projects");
        assertThat(projects.getProperty(DCTerms.modified).getLiteral().getLexicalForm())
                .isEqualTo("2026-03-02T09:30:15Z");
        assertThat(objects(projects, DCAT.theme)).containsExactlyInAnyOrder(
                "http://publications.europa.eu/resource/authority/data-theme/GOVE",
                "http://publications.europa.eu/resource/authority/data-theme/INTR");
        assertThat(projects.getProperty(DCTerms.accrualPeriodicity).getResource().getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT");
        Resource publisher = projects.getProperty(DCTerms.publisher).getResource();
        assertThat(publisher.getURI()).isEqualTo("http://dataportal.se/organisation/SE2120002627");
        Resource contact = projects.getProperty(DCAT.contactPoint).getResource();
        assertThat(contact.getProperty(VCARD4.hasEmail).getResource().getURI()).isEqualTo("mailto:kommun@ostersund.se");

        Resource csv = model.getResource(BASE + "/api/open-data/datasets/projects#csv");
        assertThat(objects(projects, DCAT.distribution)).containsExactlyInAnyOrder(csv.getURI(),
                BASE + "/api/open-data/datasets/projects#json");
        assertThat(csv.getProperty(DCAT.downloadURL).getResource().getURI())
                .isEqualTo(BASE + "/api/open-data/datasets/projects.csv");
        assertThat(csv.getProperty(DCAT.accessURL).getResource().getURI())
                .isEqualTo(BASE + "/api/open-data/datasets/projects.csv");
        assertThat(csv.getProperty(DCTerms.format).getResource().getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/file-type/CSV");
        assertThat(csv.getProperty(DCAT.mediaType).getResource().getURI())
                .isEqualTo("https://www.iana.org/assignments/media-types/text/csv");
        assertThat(csv.getProperty(DCTerms.license).getResource().getURI()).isEqualTo(CC0);
    }

    @Test
    void underCcByTheDistributionsCarryItWhileTheCatalogueStaysCc0() {
        Model model = Rdf.parse(Turtle.write(catalogue(Licence.CC_BY_4_0)), Lang.TURTLE);

        assertThat(model.listResourcesWithProperty(RDF.type, DCAT.Distribution).toList()).hasSize(10)
                .allSatisfy(distribution -> assertThat(objects(distribution, DCTerms.license))
                        .containsExactly(CC_BY));
        assertThat(objects(model.getResource(BASE + "/api/open-data/catalog"), DCTerms.license))
                .containsExactly(CC0);
        assertThat(Rdf.violations(model)).isEmpty();
    }

    @Test
    void theShapesFindWhatIsMissing() {
        Model model = Rdf.parse(Turtle.write(catalogue(Licence.CC0)), Lang.TURTLE);
        model.getResource(BASE + "/api/open-data/datasets/funding").removeAll(DCTerms.publisher);
        model.getResource(BASE + "/api/open-data/datasets/calls#json").removeAll(DCAT.mediaType);
        model.getResource(BASE + "/api/open-data/catalog").removeAll(DCTerms.license)
                .addProperty(DCTerms.license, model.createResource(CC_BY));

        assertThat(Rdf.violations(model)).hasSize(3)
                .anySatisfy(violation -> assertThat(violation).contains("datasets/funding", DCTerms.publisher.getURI()))
                .anySatisfy(violation -> assertThat(violation).contains("calls#json", DCAT.mediaType.getURI()))
                .anySatisfy(violation -> assertThat(violation).contains("/catalog", DCTerms.license.getURI()));
    }

    @Test
    void settingsThatCouldNotMakeACatalogueAreRefusedAtTheStart() {
        assertThatThrownBy(() -> settings(Licence.CC0, "ftp://samverka.ostersund.se", "kommun@ostersund.se"))
                .hasMessageContaining("base-url");
        assertThatThrownBy(() -> settings(Licence.CC0, "https://samverka.ostersund.se/a b", "kommun@ostersund.se"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(Licence.CC0, BASE, "kommun at ostersund.se"))
                .hasMessageContaining("contact-email");
        assertThat(settings(Licence.CC0, BASE + "/", "kommun@ostersund.se").at("/api").value())
                .isEqualTo(BASE + "/api");
    }

    private static Graph catalogue(Licence licence) {
        OpenDataSettings settings = settings(licence, BASE + "/", "kommun@ostersund.se");
        PublicRegister register = OpenDataFixture.register();
        List<Rendered> datasets = OpenDataFixture.DATASETS.all().stream()
                .map(dataset -> Rendered.of(dataset, register, licence)).toList();
        return Catalogue.of(settings, datasets);
    }

    static OpenDataSettings settings(Licence licence, String baseUrl, String contactEmail) {
        return new OpenDataSettings(licence, URI.create(baseUrl), new OpenDataSettings.Publisher("Östersunds kommun",
                URI.create("http://dataportal.se/organisation/SE2120002627")), contactEmail);
    }

    private static List<String> objects(Resource subject, Property property) {
        return subject.listProperties(property).mapWith(statement -> statement.getObject())
                .mapWith(RDFNode::asResource).mapWith(Resource::getURI).toList();
    }
}
