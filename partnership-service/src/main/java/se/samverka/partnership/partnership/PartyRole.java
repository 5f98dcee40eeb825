package se.samverka.partnership.partnership;

/** What an organisation is in a partnership. */
public enum PartyRole {
    LEAD,
    PARTNER,
    MEMBER,
    FUNDER,
    OBSERVER
}
