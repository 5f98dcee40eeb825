package se.samverka.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ProjectEntry.IndicatorEntry;
import se.samverka.reporting.readmodel.ProjectEntry.PartnerEntry;
import se.samverka.reporting.report.Names;

class ContributionTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Map<String, OrganisationEntry> DIRECTORY = Map.of(
            "department", organisation("DEPARTMENT", "PUBLIC", "SE"),
            "kajaani", organisation("FOREIGN_CITY", "PUBLIC", "FI"),
            "company", organisation("COMPANY", "PRIVATE", "SE"));

    @Test
    void aProjectCountsOnceInEachSliceItBelongsTo() {
        Contribution contribution = Contribution.of(project(List.of("S1", "S2"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 6, 30), "kajaani", "company", "unregistered"), this::known);
        Figures figures = new Figures();
        contribution.addTo(figures, 1);

        assertThat(contribution.countries()).containsExactly("SE", "FI");
        assertThat(contribution.sectors()).containsExactly("PUBLIC", "PRIVATE");
        assertThat(contribution.unknown()).containsExactly("unregistered");
        for (String slice : List.of("all", "department:department", "strategy:S1", "strategy:S2", "country:SE",
                "country:FI", "year:2025", "year:2026")) {
            assertThat(figures.of(slice)).as(slice).containsEntry("total", 1L).containsEntry("country:FI", 1L)
                    .containsEntry("year:2025", 1L).containsEntry("year:2026", 1L).containsEntry("health:NONE", 1L)
                    .containsEntry("programme:NONE", 1L);
        }
        assertThat(figures.of("year:2027")).isEmpty();
    }

    @Test
    void anOpenEndedProjectCountsFromItsFirstYearOnwards() {
        Figures figures = new Figures();
        Contribution.of(project(List.of(), LocalDate.of(2024, 5, 1), null), this::known).addTo(figures, 1);

        assertThat(figures.of("open:2024")).containsEntry("total", 1L).containsEntry("year:2024+", 1L)
                .containsEntry("strategy:NONE", 1L);
        assertThat(figures.of("year:2024")).isEmpty();
    }

    @Test
    void aChangeAddsTheNewAndTakesTheOldAwayAndWhatIsKeptReadsBackTheSame() {
        Contribution before = Contribution.of(project(List.of("S1"), null, null), this::known);
        Contribution after = Contribution.of(project(List.of("S3"), null, null, "kajaani"), this::known);

        Figures change = Figures.change(before, after);

        assertThat(change.of("all")).as("the partner takes part in an open project").containsOnly(
                Map.entry("strategy:S1", -1L), Map.entry("strategy:S3", 1L), Map.entry("country:FI", 1L),
                Map.entry("openBy:kajaani", 1L));
        assertThat(change.of("strategy:S1")).containsEntry("total", -1L);
        assertThat(Contribution.from(after.toDocument())).isEqualTo(after);
        assertThat(Contribution.from(null)).isEqualTo(Contribution.NONE);
        assertThat(Figures.change(after, Contribution.from(after.toDocument())).isEmpty()).isTrue();
    }

    @Test
    void anOpenProjectCountsItsScoreAndEachStrategySumsItsIndicators() {
        ProjectEntry assessed = withScoreAndIndicators(project(List.of("S1", "S2"), null, null), "IDEA");
        Figures figures = new Figures();
        Contribution contribution = Contribution.of(assessed, this::known);
        contribution.addTo(figures, 1);

        assertThat(figures.of("all")).containsEntry("score:35.5", 1L).containsEntry("withIndicators:true", 1L)
                .containsEntry("indicators:S1|RESULT|besökare", 1L).containsEntry("indicators:S2|RESULT|besökare", 1L)
                .containsEntry("indicatorsReported:S1|RESULT|besökare", 1L);
        assertThat(figures.sumsOf("strategy:S1")).containsEntry("indicatorTarget:S1|RESULT|besökare",
                new BigDecimal("100.50")).containsEntry("indicatorLatest:S1|RESULT|besökare", new BigDecimal("40"))
                .doesNotContainKey("indicatorBaseline:S1|RESULT|besökare");
        assertThat(Contribution.from(contribution.toDocument())).isEqualTo(contribution);

        Figures ended = new Figures();
        Contribution.of(withScoreAndIndicators(project(List.of("S1"), null, null), "CLOSED"), this::known)
                .addTo(ended, 1);
        assertThat(ended.of("all")).as("only open projects' scores are spread").doesNotContainKey("score:35.5")
                .containsEntry("withIndicators:true", 1L);
    }

    @Test
    void titlesOrderAsTheReportsOrderThem() {
        List<String> titles = List.of("Ängsmark", "älvdal", "Åre", "Vinterstaden", "Östersund", "vinter");
        assertThat(titles.stream().sorted(Comparator.comparing(Contribution::titleOrder)).toList())
                .isEqualTo(titles.stream().sorted(Names.ORDER).toList())
                .startsWith("vinter", "Vinterstaden", "Åre");
    }

    private static ProjectEntry withScoreAndIndicators(ProjectEntry project, String status) {
        return new ProjectEntry(project.description(), status, null, project.partners(), List.of(),
                List.of(new IndicatorEntry("i1", "RESULT", "Besökare", "besökare", null, new BigDecimal("100.50"),
                        new BigDecimal("40"), LocalDate.of(2026, 2, 1))), List.of(), 35.5, List.of(), null, AT, AT,
                AT);
    }

    private Optional<OrganisationEntry> known(String id) {
        return Optional.ofNullable(DIRECTORY.get(id));
    }

    private static OrganisationEntry organisation(String type, String sector, String country) {
        return new OrganisationEntry(new OrganisationDescription(type, null, type, sector, country, null, null, null,
                null, true));
    }

    private static ProjectEntry project(List<String> strategies, LocalDate start, LocalDate end, String... partners) {
        ProjectDescription description = new ProjectDescription(null, "Snöskoterleder", null, null, null, "KS 2026/3",
                "department", List.of(), "PUBLIC", List.of(), strategies, List.of(), List.of(), List.of(), List.of(),
                start, end, null, null);
        return new ProjectEntry(description, "IDEA", null, Arrays.stream(partners)
                .map(partner -> new PartnerEntry(partner, "PARTNER")).toList(), List.of(), List.of(), List.of(), null,
                List.of(), null, AT, AT, AT);
    }
}
