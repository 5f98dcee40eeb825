package se.samverka.subscription.sink;

import java.net.UnknownHostException;
import se.samverka.platform.web.Reason;

/**
 * A sink that may not be called: its host resolves to an address inside (loopback, private, link-local, ...). An
 * {@link UnknownHostException}, so that the HTTP client treats it as a name that cannot be reached, and connects
 * nowhere. Its message goes into the delivery log; its {@link #reason()} into the problem document of a registration.
 */
public class RefusedSinkException extends UnknownHostException {

    private final transient Reason reason;

    public RefusedSinkException(String host, InsideAddress kind, String address) {
        super("host " + host + " resolves to a " + kind.getDefaultMessage() + " address (" + address
                + "), which webhooks may not reach");
        this.reason = Reason.of("reason.sink.inside", host, kind, address);
    }

    public Reason reason() {
        return reason;
    }
}
