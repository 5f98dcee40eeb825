package se.samverka.partnership.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samverka.platform.web.FieldProblem;

class CodesTest {

    @Test
    void swedishOrganisationNumbersCarryALuhnCheckDigit() {
        assertThat(Codes.isSwedishOrganisationNumber("212000-2411")).as("Östersunds kommun").isTrue();
        assertThat(Codes.isSwedishOrganisationNumber("202100-2932")).as("Mittuniversitetet").isTrue();
        assertThat(Codes.isSwedishOrganisationNumber("212000-2412")).isFalse();
        assertThat(Codes.isSwedishOrganisationNumber("2120002411")).as("without the hyphen").isFalse();
    }

    @Test
    void regionsAreCheckedAgainstTheListWhereThereIsOneAndByFormElsewhere() {
        assertThat(problems("SE", "SE-Z", null)).isEmpty();
        assertThat(problems("MN", "MN-049", null)).isEmpty();
        assertThat(problems("CN", "CN-JL", null)).isEmpty();
        assertThat(problems("BR", "BR-CE", null)).as("no list for Brazil").isEmpty();
        assertThat(problems("SE", "SE-Q", null)).extracting(FieldProblem::field).containsExactly("region");
        assertThat(problems("NO", "SE-Z", null)).extracting(FieldProblem::field).containsExactly("region");
    }

    @Test
    void nutsCodesBelongToTheirCountryWithGreeceAsEl() {
        assertThat(problems("SE", null, "SE322")).isEmpty();
        assertThat(problems("GR", null, "EL30")).isEmpty();
        assertThat(problems("FI", null, "SE322")).extracting(FieldProblem::field).containsExactly("nutsCode");
    }

    private static java.util.List<FieldProblem> problems(String country, String region, String nuts) {
        return Codes.problems(new OrganisationDetails("Name", null, OrganisationType.FOREIGN_REGION, null, country,
                region, nuts, null, null, null, null));
    }
}
