package se.samverka.platform.web;

import java.util.List;

/**
 * A lifecycle step that is not allowed from where the resource stands, or whose conditions are not met. Answered
 * with 409 and the steps that are allowed now.
 */
public class IllegalTransitionException extends RuntimeException {

    private final String from;
    private final String to;
    private final List<String> allowed;
    private final Reason reason;

    public IllegalTransitionException(String from, String to, List<String> allowed, Reason reason) {
        super(reason.toString());
        this.from = from;
        this.to = to;
        this.allowed = List.copyOf(allowed);
        this.reason = reason;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public List<String> allowed() {
        return allowed;
    }

    public Reason reason() {
        return reason;
    }
}
