package se.samverka.identity.mail;

/**
 * One message to one person.
 *
 * @param accountId whom it is about, for the log, which names no one
 */
public record Mail(String accountId, String to, String subject, String text) {
}
