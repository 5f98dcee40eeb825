package se.samverka.identity.account;

/** What happened to an account, as its log says. */
public enum LogAction {
    INVITED,
    ACTIVATED,
    CHANGED,
    DEACTIVATED,
    REACTIVATED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    SECOND_FACTOR_ON,
    SECOND_FACTOR_OFF,
    ERASED
}
