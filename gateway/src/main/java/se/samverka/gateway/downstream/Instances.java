package se.samverka.gateway.downstream;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which instance of a service a call goes to (ADR 0026), for the routes ({@link BalancingFilter}) and
 * {@link Downstream} alike: each in turn, passing by for a while an instance that refused a connection.
 */
@Component
public class Instances {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);
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

    /**
     * Makes the call at the instance whose turn it is; when that one refuses the connection, at the next, until each
     * has been tried once (the request never reached it, so nothing happens twice, whatever its method).
     */
    public <T> Mono<T> call(Service service, Function<URI, Mono<T>> call) {
        return Mono.defer(() -> call(service, call, choose(service), count(service)));
    }

    private <T> Mono<T> call(Service service, Function<URI, Mono<T>> call, URI instance, int triesLeft) {
        return call.apply(instance).onErrorResume(Instances::refusedConnection, refused -> {
            refused(service, instance);
            if (triesLeft <= 1) {
                return Mono.error(refused);
            }
            log.warn("{} at {} refused the connection; trying another instance", service.id(), instance);
            // The instance after it rather than whose turn it is: calls made meanwhile took turns, and the turn may
            // have come back to this one.
            return call(service, call, services.get(service).after(instance), triesLeft - 1);
        });
    }

    /** The instance the next call to this service goes to. */
    URI choose(Service service) {
        return services.get(service).next();
    }

    /** This instance refused a connection: it is passed by for a while ({@code rest-after-refusal}). */
    void refused(Service service, URI instance) {
        services.get(service).refused(instance);
    }

    /** How many instances the service runs: as many tries as a call may make. */
    int count(Service service) {
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
