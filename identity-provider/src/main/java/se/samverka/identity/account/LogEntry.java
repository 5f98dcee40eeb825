package se.samverka.identity.account;

import java.time.Instant;

/**
 * One line of an account's log: who changed what. Kept in the account's own document, so that a change and its line
 * are one write.
 *
 * @param by          the username (or machine client id) of who did it; once they are erased, their role and
 *                    organisation
 * @param byAccountId the account of who did it, when a person did: how erasure finds the lines they wrote
 * @param details     what changed, in words that name no one
 */
public record LogEntry(Instant at, String by, String byAccountId, LogAction action, String details) {
}
