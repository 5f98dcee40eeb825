package se.samverka.identity.account;

/** Where an account stands: invited, then active; deactivated and active again; at last erased. */
public enum AccountStatus {
    /** Invited, without a password yet: cannot log in. */
    INVITED,
    ACTIVE,
    /** Cannot log in, and its tokens are refused; may be reactivated. */
    DEACTIVATED,
    /** Its personal data is gone; only the facts of its log remain. */
    ERASED
}
