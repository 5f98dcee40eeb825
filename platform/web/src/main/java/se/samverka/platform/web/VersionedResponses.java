package se.samverka.platform.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * Responses for resources with a version. The version travels as the strong ETag {@code "<version>"}; updates send
 * it back in If-Match.
 */
public final class VersionedResponses {

    private VersionedResponses() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 201 with the new resource's address and version. */
    public static <T> ResponseEntity<T> created(String location, long version, T body) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
    }

    /** 200 with the resource's version. */
    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }
}
