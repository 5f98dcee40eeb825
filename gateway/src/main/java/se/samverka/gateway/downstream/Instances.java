package se.samverka.gateway.downstream;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which instance of a service a call goes to (ADR 0026): the routes ({@link BalancingFilter}) and {@link Downstream}
 * ask here, and tell here which instance refused the connection, so that the next calls pass it by for a while.
 */
@Component
public class Instances {

    private final Map<Service, RoundRobin> services = new EnumMap<>(Service.class);

    @Autowired
    Instances(ServiceAddresses addresses, DownstreamSettings settings) {
        this(addresses, settings.restAfterRefusal(), Clock.systemUTC());
    }

    Instances(ServiceAddresses addresses, Duration restAfterRefusal, Clock clock) {
        for (Service service : Service.values()) {
            services.put(service, new RoundRobin(addresses.of(service), restAfterRefusal, clock));
        }
    }

    /** The instance the next call to this service goes to. */
    public URI choose(Service service) {
        return services.get(service).next();
    }

    /** This instance refused a connection: it is passed by for a while ({@code rest-after-refusal}). */
    public void refused(Service service, URI instance) {
        services.get(service).refused(instance);
    }

    /** How many instances the service runs: as many tries as a call may make. */
    public int count(Service service) {
        return services.get(service).size();
    }

    /**
     * Whether the call failed before the instance had its request (its address refused the connection, or named no
     * host: an instance that is not there): nothing was sent, so another instance may take the same request, whatever
     * its method.
     */
    public static boolean refusedConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
