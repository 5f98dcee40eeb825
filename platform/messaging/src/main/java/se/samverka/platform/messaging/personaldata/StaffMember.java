package se.samverka.platform.messaging.personaldata;

import se.samverka.platform.security.Caller;

/**
 * A person as histories name who did something: the subject of their tokens (their username), which tells two people
 * of the same name apart, beside the name shown. Entries written before the subject was kept have the name alone.
 */
public record StaffMember(String subject, String name) {

    /** The caller of the request, who is doing what the history records. */
    public static StaffMember of(Caller caller) {
        return new StaffMember(caller.subject(), caller.name());
    }

    /**
     * Whether an entry that keeps this subject and name names this person: by the subject where the entry keeps one,
     * by the name where it is older than that.
     */
    public boolean named(String entrySubject, String entryName) {
        return entrySubject != null ? entrySubject.equals(subject) : name.equals(entryName);
    }
}
