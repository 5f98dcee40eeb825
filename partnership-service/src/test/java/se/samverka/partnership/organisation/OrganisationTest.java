package se.samverka.partnership.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.partnership.contact.ContactPerson;
import se.samverka.partnership.contact.LawfulBasis;
import se.samverka.partnership.contracts.ContactPersonAdded;
import se.samverka.partnership.contracts.ContactPersonRemoved;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.reference.Sector;

/** The events each command of an organisation causes, without any infrastructure. */
class OrganisationTest {

    private static final OrganisationDetails DETAILS = new OrganisationDetails(" Pärnu linn ", " ",
            OrganisationType.FOREIGN_CITY, null, "EE", "EE-67", "EE004", "EE75024260", "https://parnu.ee", null, null);
    private static final OrganisationDescription DESCRIPTION = new OrganisationDescription("Pärnu linn", null,
            "FOREIGN_CITY", "PUBLIC", "EE", "EE-67", "EE004", "https://parnu.ee", null, true);
    private static final ContactPerson PERSON = new ContactPerson("cp-1", 1, "Anna", "Coordinator", "anna@parnu.ee",
            null, LawfulBasis.PUBLIC_TASK, LocalDate.of(2030, 1, 1), Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void registeringGivesOneRegisteredEventWithoutTheOrganisationNumber() {
        Change<Organisation> registered = Organisation.register("o1", DETAILS, Sector.PUBLIC, "dep-1");

        assertThat(registered.events()).containsExactly(new OrganisationRegistered("o1", DESCRIPTION));
        assertThat(registered.state().organisationNumber()).isEqualTo("EE75024260");
        assertThat(registered.state().registeredBy()).isEqualTo("dep-1");
        assertThat(registered.state().active()).isTrue();
    }

    @Test
    void aDescriptionThatChangesNothingIsStillAnnouncedAndKeepsItsContactPersons() {
        Organisation organisation = Organisation.register("o1", DETAILS, Sector.PUBLIC, "dep-1").state()
                .addContactPerson("o1", PERSON).state();

        Change<Organisation> described = organisation.describe("o1", DETAILS, Sector.PUBLIC);

        assertThat(described.state()).isEqualTo(organisation);
        assertThat(described.events()).containsExactly(new OrganisationUpdated("o1", DESCRIPTION));
    }

    @Test
    void whetherItTakesPartStaysUnlessTheDetailsSay() {
        OrganisationDetails leaving = new OrganisationDetails("Pärnu linn", null, OrganisationType.FOREIGN_CITY, null,
                "EE", "EE-67", "EE004", null, "https://parnu.ee", null, false);
        Organisation left = Organisation.register("o1", leaving, Sector.PUBLIC, null).state();

        assertThat(left.describe("o1", DETAILS, Sector.PUBLIC).state().active()).isFalse();
    }

    @Test
    void contactPersonsTravelOnlyAsIds() {
        Change<Organisation> added = Organisation.register("o1", DETAILS, Sector.PUBLIC, null).state()
                .addContactPerson("o1", PERSON);
        Change<Organisation> removed = added.state().removeContactPerson("o1", "cp-1", "ERASED");

        assertThat(added.events()).containsExactly(new ContactPersonAdded("o1", "cp-1"));
        assertThat(removed.events()).containsExactly(new ContactPersonRemoved("o1", "cp-1", "ERASED"));
        assertThat(removed.state().contactPersons()).isEmpty();
    }
}
