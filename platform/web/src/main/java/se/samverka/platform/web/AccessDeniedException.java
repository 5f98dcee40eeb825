package se.samverka.platform.web;

/**
 * The caller may not do this: answered with 401 when nobody signed in (so that signing in may help), and with 403
 * when the signed-in caller's role or organisation does not allow it. Objects the caller may not even read are
 * answered with {@link NotFoundException} instead, so that their ids cannot be probed.
 */
public class AccessDeniedException extends RuntimeException {

    private final boolean signedIn;

    public AccessDeniedException(boolean signedIn, String reason) {
        super(reason);
        this.signedIn = signedIn;
    }

    public boolean signedIn() {
        return signedIn;
    }
}
