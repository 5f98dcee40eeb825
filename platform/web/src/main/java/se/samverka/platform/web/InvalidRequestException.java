package se.samverka.platform.web;

import java.util.List;

/**
 * A request that is well-formed but cannot be accepted, found by the service rather than by bean validation (an
 * unknown organisation id, say). Answered with 422 and the fields at fault; nothing is written.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    /** @param key the reason's text in the problem bundles, filled in with the arguments */
    public InvalidRequestException(String field, String key, Object... arguments) {
        this(List.of(new FieldProblem(field, key, arguments)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
