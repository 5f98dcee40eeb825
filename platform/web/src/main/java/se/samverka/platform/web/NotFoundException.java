package se.samverka.platform.web;

/** Nothing at this address: answered with 404. */
public class NotFoundException extends RuntimeException {

    private final Reason reason;

    /**
     * @param key the text that says what does not exist, e.g. {@code not-found.organisation} with the id as its
     *            argument: "Organisation {0} does not exist"
     */
    public NotFoundException(String key, Object... arguments) {
        this(Reason.of(key, arguments));
    }

    private NotFoundException(Reason reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
