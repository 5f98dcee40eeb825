package se.samverka.identity.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.account.AccountStore;
import se.samverka.identity.client.MachineClientStore;

/**
 * The revocations since a time, for the gateway to poll: each account and machine client keeps its last revocation
 * in its own document, written with the change that caused it, so a revocation is never lost between two writes.
 */
@Component
public class RevocationFeed {

    /**
     * How far back the next poll reaches before this one's answer: a revocation is stamped just before its write
     * lands, so one written while a poll runs may carry a time before that poll's. Entries may repeat; applying one
     * twice does no harm.
     */
    static final Duration OVERLAP = Duration.ofSeconds(5);

    /** The revocations of a time, and the time to ask from next. */
    public record Page(Instant now, List<Revocation> revocations) {
    }

    /** What the documents hold of a revocation, read alone. */
    private record Revoked(Revocation revocation) {
    }

    private final MongoOperations mongo;
    private final IdentitySettings settings;
    private final Clock clock;

    public RevocationFeed(MongoOperations mongo, IdentitySettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param since the {@code now} of the last poll; without one, the revocations of the last refresh token's life:
     *              every token issued before those has expired or cannot be refreshed
     */
    public Page since(Instant since) {
        Instant now = clock.instant();
        Instant from = since != null ? since : now.minus(settings.refreshTokenTtl());
        List<Revocation> revocations = new ArrayList<>();
        for (String collection : List.of(AccountStore.COLLECTION, MachineClientStore.COLLECTION)) {
            Query query = new Query(Criteria.where("revocation.at").gte(from));
            query.fields().include("revocation");
            mongo.find(query, Revoked.class, collection).forEach(revoked -> revocations.add(revoked.revocation()));
        }
        revocations.sort(Comparator.comparing(Revocation::at));
        return new Page(now.minus(OVERLAP), revocations);
    }
}
