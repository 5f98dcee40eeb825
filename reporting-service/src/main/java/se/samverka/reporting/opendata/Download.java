package se.samverka.reporting.opendata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a request downloads, with its strong ETag: a digest of the bytes, so that every instance of the service gives
 * the same tag for the same content and a harvester's If-None-Match is answered 304 by whichever it reaches.
 */
public record Download(byte[] body, String etag) {

    public static Download of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Download(body, "\"" + HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
