package se.samverka.reporting.opendata;

import java.util.Locale;
import org.springframework.http.MediaType;
import se.samverka.reporting.opendata.rdf.Iri;

/**
 * The forms each dataset is published in, with the terms the catalogue describes them by: the EU's file types and
 * IANA's media types.
 */
public enum Distribution {
    CSV(new MediaType("text", "csv"), "http://publications.europa.eu/resource/authority/file-type/CSV"),
    JSON(MediaType.APPLICATION_JSON, "http://publications.europa.eu/resource/authority/file-type/JSON");

    private final MediaType mediaType;
    private final Iri fileType;

    Distribution(MediaType mediaType, String fileType) {
        this.mediaType = mediaType;
        this.fileType = new Iri(fileType);
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The EU file type (dct:format). */
    public Iri fileType() {
        return fileType;
    }

    /** The IANA media type (dcat:mediaType). */
    public Iri ianaMediaType() {
        return new Iri("https://www.iana.org/assignments/media-types/" + mediaType.getType() + "/"
                + mediaType.getSubtype());
    }

    /** What the address ends with: csv, json. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
