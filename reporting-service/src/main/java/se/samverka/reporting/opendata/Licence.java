package se.samverka.reporting.opendata;

import se.samverka.reporting.opendata.rdf.Iri;

/**
 * The licences the open data may be published under ({@code samverka.open-data.licence}), each by the IRI the Swedish
 * data portal knows it by: exactly these, http and with the closing slash, or the portal takes it for another.
 */
public enum Licence {
    CC0("CC0 1.0 Universal", "http://creativecommons.org/publicdomain/zero/1.0/"),
    CC_BY_4_0("CC BY 4.0", "http://creativecommons.org/licenses/by/4.0/");

    private final String title;
    private final Iri iri;

    Licence(String title, String iri) {
        this.title = title;
        this.iri = new Iri(iri);
    }

    public String title() {
        return title;
    }

    public Iri iri() {
        return iri;
    }

    /** The HTTP Link header that names it (RFC 8288's relation "license"). */
    public String linkHeader() {
        return "<" + iri.value() + ">; rel=\"license\"";
    }
}
