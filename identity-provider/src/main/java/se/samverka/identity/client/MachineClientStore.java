package se.samverka.identity.client;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The machine clients, one document each, keyed by client id; changes are conditional on the version read. */
@Repository
public class MachineClientStore {

    public static final String COLLECTION = "machine-clients";

    private final MongoOperations mongo;

    public MachineClientStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<MachineClient> byClientId(String clientId) {
        return Optional.ofNullable(mongo.findById(clientId, MachineClient.class, COLLECTION));
    }

    public List<MachineClient> all() {
        return mongo.find(new Query().with(Sort.by("name", "clientId")), MachineClient.class, COLLECTION);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the client id is taken */
    public MachineClient insert(MachineClient client) {
        return mongo.insert(client, COLLECTION);
    }

    /** @throws OptimisticLockingFailureException when the client changed since it was read */
    public MachineClient replace(MachineClient read, MachineClient changed) {
        MachineClient next = changed.withVersion(read.version() + 1);
        var result = mongo.replace(new Query(Criteria.where("_id").is(read.clientId()).and("version")
                .is(read.version())), next, COLLECTION);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Machine client " + read.clientId() + " changed since version "
                    + read.version());
        }
        return next;
    }
}
