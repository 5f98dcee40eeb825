package se.samverka.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A text of a request body that {@link TextCheck} refuses. A Jackson exception, so that Jackson records the JSON
 * path to the field as it unwinds, and the problem document names the field.
 */
public class RefusedTextException extends MismatchedInputException {

    private final transient Reason reason;

    RefusedTextException(JsonParser parser, Reason reason) {
        super(parser, reason.toString(), String.class);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
