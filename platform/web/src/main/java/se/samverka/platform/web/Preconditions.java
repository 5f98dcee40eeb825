package se.samverka.platform.web;

/**
 * Reads the version an update is based on from its {@code If-Match} header. Every update must say which version it
 * changes, so that nobody overwrites a change they have not seen: no header is 428, one that cannot match is 412.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * @param ifMatch the header's value, e.g. {@code "3"}
     * @return the version the client read
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.trim();
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw new VersionMismatchException(ifMatch);
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw new VersionMismatchException(ifMatch);
        }
    }

    /** Refuses an update based on another version than the current one. */
    public static void requireVersion(long current, long expected) {
        if (current != expected) {
            throw new VersionMismatchException(VersionedResponses.etag(expected));
        }
    }

    /** No If-Match on an update: 428. */
    public static final class PreconditionRequiredException extends RuntimeException {
        PreconditionRequiredException() {
            super("no If-Match");
        }
    }

    /** An If-Match that is not the current version: 412. */
    public static final class VersionMismatchException extends RuntimeException {
        VersionMismatchException(String ifMatch) {
            super("If-Match " + ifMatch + " is not the current version");
        }
    }
}
