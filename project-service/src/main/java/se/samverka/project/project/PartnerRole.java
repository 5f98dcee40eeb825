package se.samverka.project.project;

/** What an organisation is in a project. */
public enum PartnerRole {
    LEAD,
    PARTNER,
    ASSOCIATED,
    FUNDER
}
