package se.samverka.identity.account;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The accounts, one document each, their log inside. Every change is one write, conditional on the version it was
 * made from: a change made from a stale version is an {@link OptimisticLockingFailureException}. Usernames and
 * e-mails are unique (an account without e-mail stores none, so the sparse index leaves it out).
 */
@Repository
public class AccountStore {

    public static final String COLLECTION = "accounts";

    private final MongoOperations mongo;

    public AccountStore(MongoOperations mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("username", Sort.Direction.ASC).unique().named("username"));
        indexes.createIndex(new Index().on("email", Sort.Direction.ASC).unique().sparse().named("email"));
        indexes.createIndex(new Index().on("invitation.tokenHash", Sort.Direction.ASC).sparse());
        indexes.createIndex(new Index().on("passwordReset.tokenHash", Sort.Direction.ASC).sparse());
        indexes.createIndex(new Index().on("organisationId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("log.byAccountId", Sort.Direction.ASC).sparse());
    }

    public Optional<Account> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class, COLLECTION));
    }

    public Optional<Account> byUsername(String username) {
        return one(Criteria.where("username").is(username));
    }

    public Optional<Account> byEmail(String email) {
        return one(Criteria.where("email").is(email));
    }

    public Optional<Account> byInvitation(String tokenHash) {
        return one(Criteria.where("invitation.tokenHash").is(tokenHash));
    }

    public Optional<Account> byPasswordReset(String tokenHash) {
        return one(Criteria.where("passwordReset.tokenHash").is(tokenHash));
    }

    public List<Account> find(Query query) {
        return mongo.find(query, Account.class, COLLECTION);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the username or e-mail is taken */
    public Account insert(Account account) {
        return mongo.insert(account, COLLECTION);
    }

    /**
     * Stores the change of an account read before, as its next version.
     *
     * @throws OptimisticLockingFailureException when the account changed since it was read
     */
    public Account replace(Account read, Account changed) {
        Account next = changed.withVersion(read.version() + 1);
        var result = mongo.replace(new Query(Criteria.where("_id").is(read.id()).and("version").is(read.version())),
                next, COLLECTION);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Account " + read.id() + " changed since version "
                    + read.version());
        }
        return next;
    }

    private Optional<Account> one(Criteria criteria) {
        return Optional.ofNullable(mongo.findOne(new Query(criteria), Account.class, COLLECTION));
    }
}
