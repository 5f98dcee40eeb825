package se.samverka.reference;

/**
 * Who may see a project or partnership (docs/architecture.md §4): staff only, also the county's regional partners, or anyone.
 * Events carry it as text; this is the vocabulary the services share.
 */
public enum Visibility {
    INTERNAL,
    COUNTY,
    PUBLIC
}
