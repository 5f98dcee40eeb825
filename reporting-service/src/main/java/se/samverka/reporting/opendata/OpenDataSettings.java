package se.samverka.reporting.opendata;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.samverka.reporting.opendata.rdf.Iri;

/**
 * The open data's settings ({@code samverka.open-data.*}): under which licence it is published, by whom, and where.
 *
 * @param licence      CC0 (the default) or CC_BY_4_0; the catalogue itself is CC0 whichever it is, as the Swedish
 *                     profile (DCAT-AP-SE) asks of every catalogue
 * @param baseUrl      where the public reaches the API (the gateway): every address in the listing and the catalogue
 *                     starts with it
 * @param contactEmail where questions about the data go, the catalogue's contact point
 */
@ConfigurationProperties("samverka.open-data")
public record OpenDataSettings(
        @DefaultValue("CC0") Licence licence,
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue Publisher publisher,
        @DefaultValue("kommun@ostersund.se") String contactEmail) {

    public OpenDataSettings {
        String scheme = baseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null
                || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException("samverka.open-data.base-url must be an http(s) address without query "
                    + "or fragment: " + baseUrl);
        }
        if (!contactEmail.matches("[^@\\s<>\"]+@[^@\\s<>\"]+")) {
            throw new IllegalArgumentException("samverka.open-data.contact-email must be an e-mail address: "
                    + contactEmail);
        }
        baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        // Every address of the catalogue starts with it: refused here if no IRI may hold it, not at the first request.
        new Iri(baseUrl.toString());
    }

    /**
     * @param name the publisher's name, as the portal shows it
     * @param uri  the publisher's IRI: the portal's own for a Swedish organisation number
     *             ({@code http://dataportal.se/organisation/SE<orgnr>}), so that it is known as one publisher
     *             wherever its datasets are harvested from
     */
    public record Publisher(
            @DefaultValue("Östersunds kommun") String name,
            @DefaultValue("http://dataportal.se/organisation/SE2120002627") URI uri) {

        public Publisher {
            new Iri(uri.toString());  // refused at the start if no IRI may hold it
        }
    }

    /** An address under the base URL, e.g. {@code /api/open-data/catalog}. */
    public Iri at(String path) {
        return new Iri(baseUrl + path);
    }

    /** The contact point's e-mail address, as an IRI. */
    public Iri contact() {
        return new Iri("mailto:" + contactEmail);
    }
}
