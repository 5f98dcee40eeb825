package se.samverka.platform.events;

/**
 * A record that no retry can ever make processable (missing CloudEvents attributes, data that does not match its
 * contract). Consumers send it to their dead-letter topic at once and move on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
