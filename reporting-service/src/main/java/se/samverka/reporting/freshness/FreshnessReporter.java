package se.samverka.reporting.freshness;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.rebuild.Rebuilds;

/** Says how fresh a report computed from a generation of the read models is. */
@Component
public class FreshnessReporter {

    private final ConsumerLag lag;
    private final Rebuilds rebuilds;
    private final Clock clock;

    FreshnessReporter(ConsumerLag lag, Rebuilds rebuilds, Clock clock) {
        this.lag = lag;
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    /** How many events the consumer group has applied, all its instances together; empty when the broker cannot say. */
    public Optional<Long> appliedByTheGroup() {
        return lag.applied();
    }

    public Freshness of(ReadModelSet models) {
        return new Freshness(models.lastEventTime().orElse(null), lag.events().orElse(null), clock.instant(),
                models.generation(), rebuilds.isRunning());
    }
}
