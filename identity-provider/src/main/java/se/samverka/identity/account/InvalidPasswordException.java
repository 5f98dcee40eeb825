package se.samverka.identity.account;

/** A password the rules refuse, or a current password that is wrong: the page says which, in its language. */
public class InvalidPasswordException extends RuntimeException {

    private final String key;

    public InvalidPasswordException(String key) {
        super(key);
        this.key = key;
    }

    /** The text's key in the pages' bundles. */
    public String key() {
        return key;
    }
}
