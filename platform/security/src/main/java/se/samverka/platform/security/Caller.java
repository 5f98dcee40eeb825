package se.samverka.platform.security;

import java.util.Objects;
import java.util.Set;
import se.samverka.platform.tokens.Role;

/**
 * Who makes a request, as the access token says: its subject, a name for histories, its role and organisation. The
 * rules of docs/architecture.md §4 are here, so that every service decides alike: access to an object follows from its owner and
 * visibility, never from the role alone.
 *
 * @param subject        the token's subject; null when anonymous
 * @param name           what histories record as who did it
 * @param role           null when anonymous
 * @param organisationId the organisation the caller acts for (the {@code org} claim); null for an ADMIN without one
 */
public record Caller(String subject, String name, Role role, String organisationId) {

    public static final Caller ANONYMOUS = new Caller(null, "anonymous", null, null);

    private static final Set<String> EVERY_VISIBILITY = Set.of("INTERNAL", "COUNTY", "PUBLIC");
    private static final Set<String> SHARED_WITH_THE_COUNTY = Set.of("COUNTY", "PUBLIC");
    private static final Set<String> PUBLIC_ONLY = Set.of("PUBLIC");

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** The municipality's own people: they read all internal data. */
    public boolean isMunicipality() {
        return role == Role.ADMIN || role == Role.STAFF;
    }

    public boolean actsFor(String organisation) {
        return organisationId != null && organisationId.equals(organisation);
    }

    /** The visibilities whose objects this caller reads, whoever owns them. */
    public Set<String> readableVisibilities() {
        if (isMunicipality()) {
            return EVERY_VISIBILITY;
        }
        return role == Role.PARTNER ? SHARED_WITH_THE_COUNTY : PUBLIC_ONLY;
    }

    /** Whether this caller may read an object of this visibility and owner. */
    public boolean mayRead(String visibility, String ownerOrganisationId) {
        return readableVisibilities().contains(visibility) || mayWrite(ownerOrganisationId);
    }

    /** Whether this caller may change an object its owner owns: ADMIN any, STAFF and COMPANY their organisation's. */
    public boolean mayWrite(String ownerOrganisationId) {
        return role == Role.ADMIN
                || (role == Role.STAFF || role == Role.COMPANY) && actsFor(ownerOrganisationId);
    }

    /** Whether this caller sees an object's internal fields: the municipality's people and the object's owner. */
    public boolean seesInternals(String ownerOrganisationId) {
        return isMunicipality() || mayWrite(ownerOrganisationId);
    }

    /** Whether this caller may create objects at all (then only for its own organisation, unless ADMIN). */
    public boolean mayCreate() {
        return role == Role.ADMIN || role == Role.STAFF || role == Role.COMPANY;
    }

    public Caller {
        Objects.requireNonNull(name, "name");
    }
}
