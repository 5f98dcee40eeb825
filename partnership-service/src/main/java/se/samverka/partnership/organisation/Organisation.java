package se.samverka.partnership.organisation;

import java.util.ArrayList;
import java.util.List;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.partnership.contact.ContactPerson;
import se.samverka.partnership.contracts.ContactPersonAdded;
import se.samverka.partnership.contracts.ContactPersonChanged;
import se.samverka.partnership.contracts.ContactPersonRemoved;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.platform.security.Caller;
import se.samverka.reference.Sector;

/**
 * An actor the municipality works with, or one of its own departments and companies. Each command gives back the
 * organisation it leaves and the events that announce it; the organisation does not know its own id (its document
 * does), so commands are told it for their events.
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

    /**
     * A new organisation of the directory, as described; it takes part unless the details say otherwise.
     *
     * @param sector       the sector the details come to, checked against its type
     * @param registeredBy the organisation whose staff registers it; null for the coordinator
     */
    static Change<Organisation> register(String id, OrganisationDetails details, Sector sector, String registeredBy) {
        Organisation registered = described(details, sector, details.active() == null || details.active(), List.of(),
                registeredBy);
        return Change.of(registered, new OrganisationRegistered(id, registered.published()));
    }

    /**
     * Its description replaced; its contact persons and who registered it stay, and so does whether it takes part
     * unless the details say. Announced even when nothing differs.
     */
    Change<Organisation> describe(String id, OrganisationDetails details, Sector newSector) {
        Organisation described = described(details, newSector, details.active() == null ? active : details.active(),
                contactPersons, registeredBy);
        return Change.of(described, new OrganisationUpdated(id, described.published()));
    }

    /** Adds a contact person; only the ids travel in the event. */
    public Change<Organisation> addContactPerson(String id, ContactPerson person) {
        List<ContactPerson> persons = new ArrayList<>(contactPersons);
        persons.add(person);
        return Change.of(withContactPersons(persons), new ContactPersonAdded(id, person.id()));
    }

    /** Replaces the contact person with the same id by {@code changed}. */
    public Change<Organisation> changeContactPerson(String id, ContactPerson changed) {
        List<ContactPerson> persons = contactPersons.stream()
                .map(person -> person.id().equals(changed.id()) ? changed : person)
                .toList();
        return Change.of(withContactPersons(persons), new ContactPersonChanged(id, changed.id()));
    }

    /**
     * Deletes everything it holds about the contact person.
     *
     * @param reason why, as {@link ContactPersonRemoved} publishes it: other services drop the id whatever it is
     */
    public Change<Organisation> removeContactPerson(String id, String personId, String reason) {
        List<ContactPerson> persons = contactPersons.stream()
                .filter(person -> !person.id().equals(personId))
                .toList();
        return Change.of(withContactPersons(persons), new ContactPersonRemoved(id, personId, reason));
    }

    /** Who keeps it up to date: the coordinator, the organisation itself, and the organisation that registered it. */
    public boolean mayBeChangedBy(Caller caller, String id) {
        return caller.mayWrite(id) || registeredBy != null && caller.mayWrite(registeredBy);
    }

    private Organisation withContactPersons(List<ContactPerson> persons) {
        return new Organisation(name, nameEn, type, sector, country, region, nutsCode, organisationNumber, website,
                parentOrganisationId, active, persons, registeredBy);
    }

    private static Organisation described(OrganisationDetails details, Sector sector, boolean active,
                                          List<ContactPerson> contactPersons, String registeredBy) {
        return new Organisation(details.name().strip(), blankToNull(details.nameEn()), details.type(), sector,
                details.country(), details.region(), details.nutsCode(), blankToNull(details.organisationNumber()),
                blankToNull(details.website()), details.parentOrganisationId(), active, contactPersons, registeredBy);
    }

    /** The organisation as its events describe it: codes as text, never its organisation number. */
    private OrganisationDescription published() {
        return new OrganisationDescription(name, nameEn, type.name(), sector.name(), country, region, nutsCode, website,
                parentOrganisationId, active);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
