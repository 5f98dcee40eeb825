package se.samverka.platform.web;

/**
 * The caller may not do this: answered with 401 when nobody signed in (so that signing in may help), and with 403
 * when the signed-in caller's role or organisation does not allow it. Objects the caller may not even read are
 * answered with {@link NotFoundException} instead, so that their ids cannot be probed.
 */
public class AccessDeniedException extends RuntimeException {

    private final boolean signedIn;
    private final Reason reason;

    /** @param key the text that says who may, in the problem bundles */
    public AccessDeniedException(boolean signedIn, String key, Object... arguments) {
        this(signedIn, Reason.of(key, arguments));
    }

    private AccessDeniedException(boolean signedIn, Reason reason) {
        super(reason.toString());
        this.signedIn = signedIn;
        this.reason = reason;
    }

    public boolean signedIn() {
        return signedIn;
    }

    public Reason reason() {
        return reason;
    }
}
