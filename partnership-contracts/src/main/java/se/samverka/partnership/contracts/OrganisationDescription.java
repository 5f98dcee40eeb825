package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * What an organisation is, as its events publish it: the part of {@link OrganisationRegistered} and
 * {@link OrganisationUpdated} that both restate. It travels flat, its fields beside the organisation's id, so the JSON
 * is what it was before it had a name. Its organisation number is never published: for a sole trader it is a personal
 * identity number.
 *
 * @param type    the organisation type, e.g. DEPARTMENT, MUNICIPALITY, FOREIGN_CITY (text, so that new types do
 *                not break consumers)
 * @param sector  PUBLIC, PRIVATE or SOCIAL_ECONOMY; absent in registrations published before it was added
 * @param country ISO 3166-1 alpha-2
 * @param region  ISO 3166-2, where known
 * @param active  absent in registrations published before it was added, which means true
 */
public record OrganisationDescription(
        String name,
        String nameEn,
        String type,
        String sector,
        String country,
        String region,
        String nutsCode,
        String website,
        String parentOrganisationId,
        Boolean active) {

    public OrganisationDescription {
        requireText(name, "name");
        requireText(type, "type");
        requireText(country, "country");
    }

    /** Whether it still takes part: a registration from before the flag existed means it does. */
    public boolean takesPart() {
        return !Boolean.FALSE.equals(active);
    }

    /** Refuses a description without sector or flag, as an update must carry it. */
    void requireSectorAndActive() {
        requireText(sector, "sector");
        if (active == null) {
            throw new IllegalArgumentException("active is required");
        }
    }
}
