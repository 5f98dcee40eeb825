package se.samverka.reporting.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samverka.partnership.contracts.OrganisationDescription;

/** What of the read models is public: PUBLIC things only, no one who might be a person, no internal money. */
class PublicRegisterTest {

    private final PublicRegister register = OpenDataFixture.register();

    @ParameterizedTest(name = "{0} of sector {1}: published {2}")
    @CsvSource(nullValues = "-", value = {
            "DEPARTMENT, PUBLIC, true",
            "MUNICIPALITY, PUBLIC, true",
            "UNIVERSITY, PUBLIC, true",
            "SOCIAL_ECONOMY, SOCIAL_ECONOMY, true",
            "FOREIGN_CITY, PUBLIC, true",
            "FOREIGN_ORGANISATION, SOCIAL_ECONOMY, true",
            "NETWORK, PUBLIC, true",
            // Nothing tells a sole trader from a limited company: no company is published.
            "COMPANY, PRIVATE, false",
            "COMPANY, -, false",
            "FOREIGN_ORGANISATION, PRIVATE, false",
            "NETWORK, PRIVATE, false",
            // Registered before the sector was published: the kind decides where it fixes the sector.
            "DEPARTMENT, -, true",
            "FOREIGN_REGION, -, true",
            "NETWORK, -, false",
            "FOREIGN_ORGANISATION, -, false",
            "SOMETHING_NEW, -, false",
            "SOMETHING_NEW, SOMETHING_ELSE, false"})
    void publishesOnlyOrganisationsThatAreNoPersons(String type, String sector, boolean published) {
        assertThat(PublicRegister.isNoPerson(new OrganisationDescription("Namn", null, type, sector, "SE", null, null,
                null, null, true))).isEqualTo(published);
    }

    @Test
    void keepsThePublicThingsOnly() {
        assertThat(register.organisations()).containsOnlyKeys("o-kommun", "o-dept", "o-forening", "o-kajaani");
        assertThat(register.partnerships()).containsOnlyKeys("t-kajaani");
        assertThat(register.projects()).containsOnlyKeys("p-public");
        assertThat(register.calls()).containsOnlyKeys("c-public");
    }

    @Test
    void namesOfWhatIsNotPublicOnlyTheCountries() {
        List<String> named = List.of("o-company", "o-kajaani", "o-trader", "o-dept", "o-kajaani", "o-unknown");

        assertThat(register.published(named)).containsExactly("o-kajaani", "o-dept");
        assertThat(register.countriesOf(named)).containsExactly("FI", "NO", "SE");
        assertThat(register.nameOf("o-company")).isEmpty();
        assertThat(register.nameOf("o-dept")).contains("Kultur- och fritidsförvaltningen");
        assertThat(register.publicPartnerships(List.of("t-internal", "t-kajaani", "t-unknown")))
                .containsExactly("t-kajaani");
    }

    @Test
    void leavesTheInternalFundingLinesOut() {
        assertThat(PublicRegister.publicFunding(register.projects().get("p-public")))
                .extracting(funding -> funding.line().fundingLineId()).containsExactly("f-1", "f-3");
    }
}
