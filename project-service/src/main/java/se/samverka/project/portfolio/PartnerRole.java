package se.samverka.project.portfolio;

/** What an organisation is in a project. */
public enum PartnerRole {
    LEAD,
    PARTNER,
    ASSOCIATED,
    FUNDER
}
