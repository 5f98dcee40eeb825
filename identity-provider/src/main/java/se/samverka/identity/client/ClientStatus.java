package se.samverka.identity.client;

/** A machine client gets tokens while ACTIVE; DEACTIVATED, it gets none and its tokens are revoked. */
public enum ClientStatus {
    ACTIVE,
    DEACTIVATED
}
