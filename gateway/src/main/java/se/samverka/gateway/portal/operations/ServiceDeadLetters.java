package se.samverka.gateway.portal.operations;

import java.util.List;

/**
 * A service's dead letters that no one has replayed or discarded yet, newest first.
 *
 * @param service  the service asked, as the page names it
 * @param answered false when the service did not answer
 */
record ServiceDeadLetters(String service, boolean answered, List<DeadLetter> open) {

    static ServiceDeadLetters notAnswering(String service) {
        return new ServiceDeadLetters(service, false, List.of());
    }
}
