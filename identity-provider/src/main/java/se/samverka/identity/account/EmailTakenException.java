package se.samverka.identity.account;

/** An invitation for an e-mail another account has already: 409, naming the field. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("The e-mail belongs to another account");
    }
}
