package se.samverka.platform.tokens;

/** What a caller may do (docs/architecture.md §4). A caller with none is anonymous: the public catalogue only. */
public enum Role {
    /** The international coordinator: everything, including reference data and erasure requests. */
    ADMIN,
    /** A department or municipal company: creates and edits what its own organisation owns; reads all internal data. */
    STAFF,
    /** A local company: registers and edits its own collaborations; reads what is public. */
    COMPANY,
    /** A regional partner of the county: reads what is shared with the county or public. */
    PARTNER
}
