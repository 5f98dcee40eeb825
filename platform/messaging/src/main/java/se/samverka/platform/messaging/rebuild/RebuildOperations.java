package se.samverka.platform.messaging.rebuild;

import java.util.List;
import java.util.Optional;

/** Rebuilding a service's read models on an operator's request: what {@link RebuildController} serves. */
public interface RebuildOperations {

    /**
     * Starts a rebuild.
     *
     * @throws RebuildRunningException 409 while another rebuild is under way
     */
    Rebuild start();

    Optional<Rebuild> find(String id);

    /** The most recent rebuilds, newest first, at most {@link RebuildLedger#RECENT}. */
    List<Rebuild> recent();
}
