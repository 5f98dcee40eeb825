package se.samverka.partnership.organisation;

/** The kinds of actor in the directory (see the glossary). */
public enum OrganisationType {
    DEPARTMENT,
    MUNICIPAL_COMPANY,
    MUNICIPALITY,
    REGION,
    COMPANY,
    SOCIAL_ECONOMY,
    UNIVERSITY,
    NETWORK,
    GOVERNMENT_AGENCY,
    FOREIGN_CITY,
    FOREIGN_REGION,
    FOREIGN_ORGANISATION
}
