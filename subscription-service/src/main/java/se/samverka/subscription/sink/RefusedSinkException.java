package se.samverka.subscription.sink;

import java.net.UnknownHostException;

/**
 * A sink that may not be called: its host resolves to an address inside (loopback, private, link-local, ...). An
 * {@link UnknownHostException}, so that the HTTP client treats it as a name that cannot be reached, and connects
 * nowhere.
 */
public class RefusedSinkException extends UnknownHostException {

    public RefusedSinkException(String message) {
        super(message);
    }
}
