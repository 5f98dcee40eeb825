package se.samverka.partnership.register;

/** The kinds of lasting relation the municipality has (see the glossary). */
public enum PartnershipType {
    TWIN_CITY,
    DEVELOPMENT_PARTNERSHIP,
    REGIONAL_COOPERATION,
    NETWORK_MEMBERSHIP,
    BUSINESS_COOPERATION
}
