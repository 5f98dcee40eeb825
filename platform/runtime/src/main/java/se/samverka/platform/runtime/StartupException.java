package se.samverka.platform.runtime;

/** Why the platform could not start, in one line that says what to do. */
public class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }
}
