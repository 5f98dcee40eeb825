package se.samverka.reporting.opendata;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import se.samverka.platform.web.NotFoundException;
import se.samverka.reporting.opendata.rdf.Graph;
import se.samverka.reporting.opendata.rdf.JsonLd;
import se.samverka.reporting.opendata.rdf.RdfXml;
import se.samverka.reporting.opendata.rdf.Turtle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data, for anyone without logging in: the datasets as CSV and JSON, their listing, and their catalogue in
 * DCAT-AP-SE for the national data portal. Every answer carries a strong ETag (a If-None-Match that still holds is
 * answered 304 with no body) and may be kept a minute, so harvesters and the gateway's rate limit are spared; and
 * names its licence in a Link header.
 */
@RestController
@RequestMapping("/api/open-data")
class OpenDataController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
    static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    static final MediaType TURTLE = new MediaType("text", "turtle", StandardCharsets.UTF_8);
    static final MediaType JSON_LD = new MediaType("application", "ld+json", StandardCharsets.UTF_8);
    static final MediaType RDF_XML = new MediaType("application", "rdf+xml", StandardCharsets.UTF_8);
    /** The catalogue's syntaxes, in the order one is chosen when the caller takes any. */
    private static final Map<MediaType, Function<Graph, byte[]>> SYNTAXES = Map.of(
            TURTLE, Turtle::write, JSON_LD, JsonLd::write, RDF_XML, RdfXml::write);
    private static final List<MediaType> PREFERENCE = List.of(TURTLE, JSON_LD, RDF_XML);
    private static final CacheControl KEPT_A_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final OpenData openData;
    private final JsonMapper json;
    private final ContentNegotiationManager negotiation;

    OpenDataController(OpenData openData, JsonMapper json, ContentNegotiationManager negotiation) {
        this.openData = openData;
        this.json = json;
        this.negotiation = negotiation;
    }

    /** Every dataset: what it is, its columns and what they mean, its licence, when it changed, where it is. */
    @GetMapping("/datasets")
    ResponseEntity<byte[]> datasets() {
        return answer(Download.of(json.writeValueAsBytes(openData.listing())), JSON, dataLicence());
    }

    /** One dataset's description: its IRI in the catalogue. */
    @GetMapping("/datasets/{dataset}")
    ResponseEntity<byte[]> dataset(@PathVariable String dataset) {
        Listing.Description description = Listing.describe(openData.settings(), rendered(dataset));
        return answer(Download.of(json.writeValueAsBytes(description)), JSON, dataLicence());
    }

    @GetMapping("/datasets/{dataset}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String dataset) {
        return answer(rendered(dataset).csv(), CSV, dataLicence());
    }

    @GetMapping("/datasets/{dataset}.json")
    ResponseEntity<byte[]> json(@PathVariable String dataset) {
        return answer(rendered(dataset).json(), JSON, dataLicence());
    }

    @GetMapping("/catalog.ttl")
    ResponseEntity<byte[]> turtle() {
        return catalogue(TURTLE);
    }

    @GetMapping("/catalog.jsonld")
    ResponseEntity<byte[]> jsonLd() {
        return catalogue(JSON_LD);
    }

    /** RDF/XML, the syntax the national data portal harvests. */
    @GetMapping("/catalog.rdf")
    ResponseEntity<byte[]> rdfXml() {
        return catalogue(RDF_XML);
    }

    /** The catalogue in the syntax the caller asks for (Accept), Turtle when it takes any; 406 when none of them. */
    @GetMapping("/catalog")
    ResponseEntity<byte[]> negotiated(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = negotiation.resolveMediaTypes(new ServletWebRequest(request));
        MediaType chosen = chosen(accepted).orElseThrow(() -> new HttpMediaTypeNotAcceptableException(PREFERENCE));
        ResponseEntity<byte[]> answer = catalogue(chosen);
        return ResponseEntity.ok().headers(answer.getHeaders()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(answer.getBody());
    }

    /**
     * Of the catalogue's syntaxes, the one the caller takes at the highest quality, a syntax it names before one it
     * takes through a wildcard, and by {@link #PREFERENCE} after that.
     */
    static Optional<MediaType> chosen(List<MediaType> accepted) {
        record Fit(MediaType syntax, double quality, int specificity, int preference) {
        }
        return PREFERENCE.stream().flatMap(syntax -> accepted.stream().filter(type -> type.includes(syntax))
                        .map(type -> new Fit(syntax, type.getQualityValue(),
                                type.isWildcardType() ? 0 : type.isWildcardSubtype() ? 1 : 2,
                                PREFERENCE.indexOf(syntax))))
                .filter(fit -> fit.quality() > 0)
                .max(Comparator.comparingDouble(Fit::quality).thenComparingInt(Fit::specificity)
                        .thenComparing(Comparator.comparingInt(Fit::preference).reversed()))
                .map(Fit::syntax);
    }

    /** The catalogue is CC0 whatever the data's licence (DCAT-AP-SE). */
    private ResponseEntity<byte[]> catalogue(MediaType syntax) {
        return answer(Download.of(SYNTAXES.get(syntax).apply(openData.catalogue())), syntax, Licence.CC0);
    }

    private Rendered rendered(String dataset) {
        return openData.dataset(dataset).orElseThrow(() -> new NotFoundException("not-found.dataset", dataset));
    }

    private Licence dataLicence() {
        return openData.settings().licence();
    }

    /**
     * 200 with the body, its ETag, how long it may be kept and its licence; Spring MVC answers 304 instead where the
     * request's If-None-Match holds the ETag.
     */
    static ResponseEntity<byte[]> answer(Download download, MediaType type, Licence licence) {
        return ResponseEntity.ok()
                .contentType(type)
                .eTag(download.etag())
                .cacheControl(KEPT_A_MINUTE)
                .header(HttpHeaders.LINK, licence.linkHeader())
                .body(download.body());
    }
}
