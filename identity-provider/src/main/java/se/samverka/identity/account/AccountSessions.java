package se.samverka.identity.account;

/** Ends what a person holds at the provider: their login sessions, and every authorization (so every refresh token). */
public interface AccountSessions {

    void end(String username);
}
