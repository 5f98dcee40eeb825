package se.samverka.platform.messaging.personaldata;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.outbox.Versioned;

/**
 * The histories of one aggregate type that name people: where in its documents the names are, to find the aggregates
 * that may name a person, and how each is changed to name them no more, through the store as every change is.
 *
 * @param aggregate what the entries call the type, e.g. partnership
 * @param names     the stored fields that hold a name, e.g. {@code state.history.by}; the subject beside each is the
 *                  same field with {@code Subject} after it
 */
public record StaffHistory<S extends StaffNaming<S>>(String aggregate, AggregateStore<S> store, List<String> names) {

    private static final int ATTEMPTS = 5;

    public StaffHistory {
        names = List.copyOf(names);
    }

    public List<StaffEntry> entriesNaming(StaffMember person) {
        return store.find(mayName(person)).stream()
                .flatMap(found -> found.state().entriesNaming(found.id(), person).stream())
                .toList();
    }

    /** Erases the person from every aggregate that names them, each in a write of its own; the entries changed. */
    public int erase(StaffMember person, String replacement) {
        int changed = 0;
        for (Versioned<S> found : store.find(mayName(person))) {
            changed += erase(found.id(), person, replacement);
        }
        return changed;
    }

    /** Repeated when the aggregate changed meanwhile, so that an entry added since is erased too. */
    private int erase(String id, StaffMember person, String replacement) {
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<S>> current = store.find(id);
            if (current.isEmpty()) {
                return 0;
            }
            int entries = current.get().state().entriesNaming(id, person).size();
            Optional<Change<S>> erased = current.get().state().withStaffErased(id, person, replacement);
            if (erased.isEmpty()) {
                return 0;
            }
            try {
                store.update(current.get(), erased.get());
                return entries;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The aggregates whose fields hold the subject or the name; the aggregate itself tells whose entries they are. */
    private Query mayName(StaffMember person) {
        return new Query(new Criteria().orOperator(names.stream()
                .flatMap(name -> Stream.of(Criteria.where(name + "Subject").is(person.subject()),
                        Criteria.where(name).is(person.name())))
                .toList()));
    }
}
