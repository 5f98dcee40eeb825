package se.samverka.partnership.register;

/** What an organisation is in a partnership. */
public enum PartyRole {
    LEAD,
    PARTNER,
    MEMBER,
    FUNDER,
    OBSERVER
}
