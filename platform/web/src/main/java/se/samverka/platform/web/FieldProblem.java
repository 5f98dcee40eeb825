package se.samverka.platform.web;

/**
 * One thing wrong with a request: the field, as a JSON path into the body (e.g. {@code parties[1].organisationId}),
 * and why.
 */
public record FieldProblem(String field, String reason) {
}
