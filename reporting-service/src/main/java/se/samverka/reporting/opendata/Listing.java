package se.samverka.reporting.opendata;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The datasets as {@code GET /api/open-data/datasets} lists them: for each, what it is, its columns and what they
 * mean, its licence, when it last changed and where each form of it is downloaded; and where the catalogue is.
 *
 * @param catalog the catalogue's addresses, one per syntax
 */
public record Listing(Publisher publisher, Catalog catalog, List<Description> datasets) {

    public record Publisher(String name, String uri, String contactEmail) {
    }

    /** @param rdfXml the syntax the Swedish data portal harvests */
    public record Catalog(String turtle, String jsonLd, String rdfXml) {
    }

    /**
     * @param uri      the dataset's IRI in the catalogue, where this description is read too
     * @param modified when the newest of what it is made of last changed (ISO 8601, UTC); null while it is empty
     */
    public record Description(String id, String uri, Bilingual title, Bilingual description, List<Bilingual> keywords,
                              List<ColumnMeaning> columns, LicenceView licence, String modified,
                              List<Form> distributions) {
    }

    /** @param type text, code, list, integer, decimal, date, date_time or boolean */
    public record ColumnMeaning(String name, String type, Bilingual description) {
    }

    /** @param id CC0 or CC_BY_4_0, as {@code samverka.open-data.licence} names it */
    public record LicenceView(String id, String title, String uri) {
    }

    public record Form(String format, String mediaType, String url) {
    }

    static Listing of(OpenDataSettings settings, List<Rendered> datasets) {
        return new Listing(new Publisher(settings.publisher().name(), settings.publisher().uri().toString(),
                settings.contactEmail()),
                new Catalog(settings.at(Catalogue.PATH + ".ttl").value(), settings.at(Catalogue.PATH + ".jsonld").value(),
                        settings.at(Catalogue.PATH + ".rdf").value()),
                datasets.stream().map(dataset -> describe(settings, dataset)).toList());
    }

    static Description describe(OpenDataSettings settings, Rendered rendered) {
        Dataset<?> dataset = rendered.dataset();
        Licence licence = settings.licence();
        return new Description(dataset.id(), Catalogue.datasetIri(settings, dataset).value(), dataset.title(),
                dataset.description(), dataset.keywords(),
                dataset.columns().stream().map(column -> new ColumnMeaning(column.name(), column.type().toString(),
                        column.meaning())).toList(),
                new LicenceView(licence.name(), licence.title(), licence.iri().value()),
                rendered.modified().map(modified -> modified.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(null),
                Arrays.stream(Distribution.values()).map(form -> new Form(form.name(), form.mediaType().toString(),
                        Catalogue.downloadUrl(settings, dataset, form).value())).toList());
    }
}
