package se.samverka.platform.web;

/**
 * One thing wrong with a request: the field, as a JSON path into the body (e.g. {@code parties[1].organisationId}),
 * and why, in words of the reader's language when the problem document is written.
 */
public record FieldProblem(String field, Reason reason) {

    /** @param key the reason's text in the problem bundles, filled in with the arguments */
    public FieldProblem(String field, String key, Object... arguments) {
        this(field, Reason.of(key, arguments));
    }
}
