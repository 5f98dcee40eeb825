package se.samverka.platform.messaging.personaldata;

import java.util.List;
import java.util.Optional;
import se.samverka.platform.messaging.outbox.Change;

/**
 * An aggregate whose history names the people who acted on it. The aggregate does not know its own id (its document
 * does), so it is told it.
 *
 * @param <S> the aggregate itself
 */
public interface StaffNaming<S> {

    /** The entries that name the person, oldest first within each part of the history. */
    List<StaffEntry> entriesNaming(String id, StaffMember person);

    /**
     * The aggregate with {@code replacement} (their role and organisation) in the place of the person's name and
     * subject in every entry that names them, announced by an event that names no one; empty when none does.
     */
    Optional<Change<S>> withStaffErased(String id, StaffMember person, String replacement);
}
