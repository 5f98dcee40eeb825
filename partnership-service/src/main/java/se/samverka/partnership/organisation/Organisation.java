package se.samverka.partnership.organisation;

import java.util.List;
import se.samverka.partnership.contact.ContactPerson;
import se.samverka.platform.security.Caller;
import se.samverka.reference.Sector;

/**
 * An actor the municipality works with, or one of its own departments and companies.
 *
 * @param name               as the organisation calls itself
 * @param nameEn             the English name, where it differs
 * @param country            ISO 3166-1 alpha-2
 * @param region             ISO 3166-2, where known
 * @param organisationNumber unique in the directory; never published in events
 * @param parentOrganisationId the organisation it belongs to (a municipality, for a department)
 * @param contactPersons     personal data: never in events, logs or partner-facing responses
 * @param registeredBy       the organisation whose staff registered it, who may keep it up to date; null when the
 *                           coordinator did (or before this was kept)
 */
public record Organisation(
        String name,
        String nameEn,
        OrganisationType type,
        Sector sector,
        String country,
        String region,
        String nutsCode,
        String organisationNumber,
        String website,
        String parentOrganisationId,
        boolean active,
        List<ContactPerson> contactPersons,
        String registeredBy) {

    public Organisation {
        contactPersons = contactPersons == null ? List.of() : List.copyOf(contactPersons);
    }

    /** The same organisation with another set of contact persons. */
    public Organisation withContactPersons(List<ContactPerson> persons) {
        return new Organisation(name, nameEn, type, sector, country, region, nutsCode, organisationNumber, website,
                parentOrganisationId, active, persons, registeredBy);
    }

    /** Who keeps it up to date: the coordinator, the organisation itself, and the organisation that registered it. */
    public boolean mayBeChangedBy(Caller caller, String id) {
        return caller.mayWrite(id) || registeredBy != null && caller.mayWrite(registeredBy);
    }
}
