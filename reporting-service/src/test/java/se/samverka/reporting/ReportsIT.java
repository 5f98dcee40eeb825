package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.reporting.History.money;
import static se.samverka.reporting.History.sek;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import se.samverka.platform.test.ProblemBundles;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** Each report, computed from a history of events built for the case. */
class ReportsIT extends ReportingIntegrationTest {

    @Test
    void thePortfolioCountsProjectsByEveryDimension() {
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String trondheim = history.organisation("Trondheim kommune", "FOREIGN_CITY", "NO", "NO-50");
        String winter = history.project("Vinterstaden", department, List.of("S1", "S2"), List.of("EXPERIENCE_INDUSTRY"),
                List.of(), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
        history.partner(winter, trondheim, "PARTNER");
        history.fundingLine(winter, "INTERREG_AURORA", money("1000.00", "EUR"), null, null, null, null);
        history.status(winter, "IDEA", "PRE_STUDY");
        history.health(winter, "AT_RISK");
        history.project("Idrott och integration", department, List.of("S3"), List.of(), List.of(), null, null);

        JsonNode portfolio = awaitReport("/api/reports/portfolio?department={d}",
                report -> report.path("projects").path("total").asLong() == 2
                        && count(report.path("projects"), "health", "AT_RISK") == 1, department);
        JsonNode projects = portfolio.path("projects");
        assertThat(count(projects, "status", "PRE_STUDY")).isEqualTo(1);
        assertThat(count(projects, "status", "IDEA")).isEqualTo(1);
        assertThat(count(projects, "health", "NONE")).as("not yet judged").isEqualTo(1);
        assertThat(count(projects, "strategy", "S1")).isEqualTo(1);
        assertThat(count(projects, "strategy", "S3")).isEqualTo(1);
        assertThat(count(projects, "growthArea", "EXPERIENCE_INDUSTRY")).isEqualTo(1);
        assertThat(count(projects, "country", "SE")).isEqualTo(2);
        assertThat(count(projects, "country", "NO")).isEqualTo(1);
        assertThat(count(projects, "sector", "PUBLIC")).isEqualTo(2);
        assertThat(count(projects, "programme", "INTERREG_AURORA")).isEqualTo(1);
        assertThat(count(projects, "visibility", "COUNTY")).isEqualTo(2);
        assertThat(projects.path("by").path("year").findValuesAsString("key")).containsExactly("2025", "2026", "2027",
                "NONE");
        assertThat(projects.path("by").path("owner").get(0).path("name").asString())
                .isEqualTo("Kultur- och fritidsförvaltningen");
        assertThat(projects.path("by").path("country").findValuesAsString("name")).contains("Norge", "Sverige");
        assertThat(portfolio.path("freshness").path("lastEventTime").asString()).isNotEmpty();

        assertThat(report("/api/reports/portfolio?department={d}&year=2026", department)
                .path("projects").path("total").asLong()).as("only Vinterstaden runs in 2026").isEqualTo(1);
        assertThat(report("/api/reports/portfolio?department={d}&country=NO", department)
                .path("projects").path("total").asLong()).isEqualTo(1);
        assertThat(report("/api/reports/portfolio?department={d}&strategy=S3", department)
                .path("projects").path("total").asLong()).isEqualTo(1);
        expectRefused("/api/reports/portfolio?year=tjugo", HttpStatus.UNPROCESSABLE_CONTENT, "year");
        expectRefused("/api/reports/portfolio?country=se", HttpStatus.UNPROCESSABLE_CONTENT, "country");
        api.inLanguage("sv").http().get().uri("/api/reports/portfolio?year=tjugo&country=se").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[?(@.field == 'year')].reason").isEqualTo("måste vara ett årtal, till exempel 2026");
    }

    @Test
    void itsProblemTextsAreCompleteInSwedishAndComeOutAsWritten() {
        ProblemBundles.assertComplete("problems");
    }

    @Test
    void thePortfolioCountsProjectsAndPartnershipsByTheCountriesOfTheirOrganisations() {
        String department = history.organisation("Kommunledningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String municipality = history.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        String trondheim = history.organisation("Trondheim kommune", "FOREIGN_CITY", "NO", "NO-50");
        String levanger = history.organisation("Levanger kommune", "FOREIGN_CITY", "NO", "NO-50");
        String kiel = history.organisation("Landeshauptstadt Kiel", "FOREIGN_CITY", "DE", null);
        String snow = history.project("Snö och is", department, List.of("S1"), List.of(), List.of(), null, null);
        history.partner(snow, trondheim, "LEAD");
        history.partner(snow, levanger, "PARTNER");
        history.partner(snow, kiel, "PARTNER");
        String water = history.project("Vatten", department, List.of("S2"), List.of(), List.of(), null, null);
        history.partner(water, kiel, "PARTNER");
        history.project("Hemma", department, List.of("S2"), List.of(), List.of(), null, null);
        history.partnership("Vänort Kiel", "TWIN_CITY", "ACTIVE", department, List.of("S2"), municipality, kiel);

        JsonNode portfolio = awaitReport("/api/reports/portfolio?department={d}",
                report -> report.path("projects").path("total").asLong() == 3
                        && count(report.path("projects"), "country", "DE") == 2
                        && count(report.path("projects"), "country", "NO") > 0
                        && count(report.path("partnerships"), "country", "DE") == 1, department);
        JsonNode projects = portfolio.path("projects");
        assertThat(count(projects, "country", "NO")).as("two partners there, one project").isEqualTo(1);
        assertThat(count(projects, "country", "SE")).as("the owner's country counts too").isEqualTo(3);
        assertThat(find(projects.path("by").path("country"), "key", "DE").path("name").asString())
                .isEqualTo("Tyskland");
        assertThat(count(portfolio.path("partnerships"), "country", "SE")).isEqualTo(1);
        assertThat(count(portfolio.path("partnerships"), "country", "NO")).isZero();
        assertThat(portfolio.path("homeCountry").asString()).as("from the strategy's county, SE-Z").isEqualTo("SE");

        for (String country : List.of("SE", "NO", "DE")) {
            JsonNode only = report("/api/reports/portfolio?department={d}&country={c}", department, country);
            assertThat(only.path("projects").path("total").asLong())
                    .as("what the filter finds is what %s counts", country).isEqualTo(count(projects, "country", country));
        }
        JsonNode s1 = report("/api/reports/portfolio?department={d}&strategy=S1", department);
        assertThat(s1.path("projects").path("by").path("country").findValuesAsString("key"))
                .containsExactlyInAnyOrder("SE", "NO", "DE");
        assertThat(count(s1.path("projects"), "country", "DE")).as("Vatten serves S2").isEqualTo(1);
        assertThat(count(s1.path("partnerships"), "country", "DE")).as("the twin city serves S2").isZero();
    }

    @Test
    void coverageNamesTheDepartmentsWithoutAnInternationalDimension() {
        String withProject = history.organisation("Barn- och utbildningsförvaltningen " + suffix(), "DEPARTMENT", "SE", "SE-Z");
        String withPartnership = history.organisation("Kommunledningsförvaltningen " + suffix(), "DEPARTMENT", "SE", "SE-Z");
        String withNothing = history.organisation("Miljöförvaltningen " + suffix(), "DEPARTMENT", "SE", "SE-Z");
        String onlyClosed = history.organisation("AB Östersundshem " + suffix(), "MUNICIPAL_COMPANY", "SE", "SE-Z");
        String sanok = history.organisation("Gmina Miasta Sanoka", "FOREIGN_CITY", "PL", null);
        String exchange = history.project("Elevutbyte", withProject, List.of("S2"), List.of(), List.of(), null, null);
        history.status(exchange, "IDEA", "PRE_STUDY");
        String twin = history.partnership("Vänort Sanok", "TWIN_CITY", "EXPLORING", withPartnership, List.of("S2"),
                withPartnership, sanok);
        history.partnershipStatus(twin, "EXPLORING", "LETTER_OF_INTENT");
        history.partnershipStatus(twin, "LETTER_OF_INTENT", "ACTIVE");
        String closed = history.project("Renovering", onlyClosed, List.of("S1"), List.of(), List.of(), null, null);
        history.status(closed, "IDEA", "CANCELLED");

        JsonNode coverage = awaitReport("/api/reports/coverage?projects=listed", report ->
                department(report.path("departments"), withPartnership).path("partnerships").size() == 1
                        && department(report.path("departments"), onlyClosed).path("name").isString()
                        && department(report.path("departments"), withProject).path("projects").path(0)
                        .path("status").asString("").equals("PRE_STUDY"));
        assertThat(department(coverage.path("departments"), withProject).path("projects").get(0).path("title").asString())
                .isEqualTo("Elevutbyte");
        assertThat(department(coverage.path("departments"), withPartnership).path("partnerships").get(0)
                .path("name").asString()).isEqualTo("Vänort Sanok");
        assertThat(coverage.path("without").findValuesAsString("organisationId"))
                .contains(withNothing, onlyClosed).doesNotContain(withProject, withPartnership);

        JsonNode one = report("/api/reports/coverage?department={d}", withNothing);
        assertThat(one.path("departments").size()).isEqualTo(1);
        assertThat(one.path("without").get(0).path("organisationId").asString()).isEqualTo(withNothing);
        JsonNode counted = report("/api/reports/coverage");
        assertThat(withoutFreshness(counted)).as("counted unless asked to list")
                .isEqualTo(withoutFreshness(report("/api/reports/coverage?projects=counted")));
        for (String id : List.of(withProject, withPartnership, withNothing, onlyClosed)) {
            JsonNode listed = department(coverage.path("departments"), id);
            JsonNode unlisted = department(counted.path("departments"), id);
            assertThat(unlisted.path("openProjects").asLong()).isEqualTo(listed.path("projects").size());
            assertThat(unlisted.path("ongoingProjects").asLong()).isEqualTo(listed.path("ongoingProjects").asLong());
            assertThat(unlisted.path("projects").isMissingNode()).as("counted, not listed").isTrue();
        }
        assertThat(department(counted.path("departments"), withProject).path("openProjects").asLong()).isOne();
        assertThat(counted.path("without").findValuesAsString("organisationId"))
                .contains(withNothing, onlyClosed).doesNotContain(withProject, withPartnership);
        expectRefused("/api/reports/coverage?projects=some", HttpStatus.UNPROCESSABLE_CONTENT, "projects");
    }

    @Test
    void aDepartmentsOpenProjectsComeAPageAtATimeByTitle() {
        String department = history.organisation("Samhällsbyggnadsförvaltningen " + suffix(), "DEPARTMENT", "SE",
                "SE-Z");
        String other = history.organisation("Teknik- och fastighetsförvaltningen " + suffix(), "DEPARTMENT", "SE",
                "SE-Z");
        String odense = history.organisation("Odense Kommune", "FOREIGN_CITY", "DK", null);
        String strategy = "S" + suffix();
        // Swedish order puts Å before Ä, the characters' codes the other way round.
        history.project("Ängsmark", department, List.of(strategy), List.of(), List.of(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        String are = history.project("Åre", department, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        history.partner(are, odense, "PARTNER");
        String bridge = history.project("Bro", other, List.of(strategy), List.of(), List.of(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31));
        history.partner(bridge, department, "PARTNER");
        history.project("Internt", department, "INTERNAL", List.of());
        history.project("Annans", other, List.of(strategy), List.of(), List.of(), null, null);
        String cancelled = history.project("Avbrutet", department, List.of(strategy), List.of(), List.of(), null, null);
        history.status(cancelled, "IDEA", "CANCELLED");
        String pages = "/api/reports/coverage/{id}/projects";

        JsonNode all = awaitReport(pages + "?size=200", report -> titles(report).equals(
                List.of("Bro", "Internt", "Åre", "Ängsmark")), department);
        assertThat(all.path("name").asString()).startsWith("Samhällsbyggnadsförvaltningen");
        assertThat(all.path("projects").path("totalItems").asLong()).as("owned or taken part in, open").isEqualTo(4);
        assertThat(all.path("projects").path("items").path(0).path("projectId").asString()).isEqualTo(bridge);
        JsonNode first = report(pages + "?size=2", department).path("projects");
        assertThat(first.path("items").findValuesAsString("title")).containsExactly("Bro", "Internt");
        assertThat(first.path("totalItems").asLong()).isEqualTo(4);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(titles(report(pages + "?size=2&page=1", department))).containsExactly("Åre", "Ängsmark");
        assertThat(titles(report(pages + "?size=2&page=2", department))).as("past the last page").isEmpty();
        assertThat(report("/api/reports/coverage?department={d}", department).path("departments").path(0)
                .path("openProjects").asLong()).as("as coverage counts them").isEqualTo(4);

        assertThat(titles(report(pages + "?strategy={s}", department, strategy)))
                .containsExactly("Bro", "Åre", "Ängsmark");
        assertThat(titles(report(pages + "?year=2025", department))).containsExactly("Åre", "Ängsmark");
        assertThat(titles(report(pages + "?country=DK", department))).containsExactly("Åre");
        JsonNode twoParts = report(pages + "?year=2026&strategy={s}&size=1", department, strategy);
        assertThat(twoParts.path("projects").path("totalItems").asLong()).as("two parts, which no figures hold")
                .isEqualTo(2);
        assertThat(titles(twoParts)).containsExactly("Bro");
        assertThat(titles(report(pages + "?year=2026&strategy={s}&country=DK", department, strategy)))
                .containsExactly("Åre");

        String path = "/api/reports/coverage/" + department + "/projects";
        assertThat(api.as(TestTokens.partner(odense)).status(HttpMethod.GET, path, null, null))
                .as("a partner sees no internal project").isEqualTo(HttpStatus.FORBIDDEN.value());
        assertThat(api.anonymous().status(HttpMethod.GET, path, null, null)).isEqualTo(HttpStatus.UNAUTHORIZED.value());
        for (String none : List.of("no-such", odense)) {
            api.http().get().uri(pages, none).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        expectRefused(path + "?page=-1", HttpStatus.UNPROCESSABLE_CONTENT, "page");
        expectRefused(path + "?size=201", HttpStatus.UNPROCESSABLE_CONTENT, "size");
        expectRefused(path + "?size=0", HttpStatus.UNPROCESSABLE_CONTENT, "size");
    }

    @Test
    void partnershipsShowTheirProjectsActivityAndTheTwinCitiesSideBySide() {
        String municipality = history.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        String department = history.organisation("Kommunledningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String kajaani = history.organisation("Kajaanin kaupunki", "Kajaani", "FOREIGN_CITY", "FI", null);
        String trondheim = history.organisation("Trondheim kommune", "FOREIGN_CITY", "NO", "NO-50");
        String twin = history.partnership("Vänort Kajaani", "TWIN_CITY", "ACTIVE", department, List.of("S2"),
                municipality, kajaani);
        String regional = history.partnership("Samarbete Trondheim", "REGIONAL_COOPERATION", "ACTIVE", department,
                List.of("S1"), municipality, trondheim);
        history.partnershipStatus(regional, "ACTIVE", "DORMANT");
        String project = history.project("Välfärdsteknik", department, List.of("S3"), List.of(), List.of(twin),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30));
        history.activity(project, "STUDY_VISIT", "Studiebesök i Kajaani", LocalDate.of(2026, 3, 1), 10, 12);
        history.activity(project, "EXCHANGE", "Utbyte", LocalDate.of(2027, 3, 1), 1, 1);

        JsonNode all = awaitReport("/api/reports/partnerships?department={d}",
                report -> row(report.path("partnerships"), twin).path("activities").asLong() == 2
                        && row(report.path("partnerships"), regional).path("dormant").asBoolean(), department);
        JsonNode kajaaniRow = row(all.path("partnerships"), twin);
        assertThat(kajaaniRow.path("projects").get(0).path("title").asString()).isEqualTo("Välfärdsteknik");
        assertThat(kajaaniRow.path("openProjects").asLong()).isEqualTo(1);
        assertThat(kajaaniRow.path("participants").asLong()).isEqualTo(24);
        assertThat(kajaaniRow.path("countries").toString()).contains("FI", "SE");
        assertThat(kajaaniRow.path("parties").findValuesAsString("nameEn")).contains("Kajaani");
        assertThat(Instant.parse(kajaaniRow.path("lastActivity").asString()))
                .as("the project's activity is the partnership's")
                .isAfter(Instant.parse(kajaaniRow.path("statusSince").asString()));
        assertThat(row(all.path("partnerships"), regional).path("status").asString()).isEqualTo("DORMANT");

        JsonNode twinCities = report("/api/reports/partnerships/twin-cities?department={d}&year=2026", department);
        assertThat(twinCities.path("partnerships").findValuesAsString("partnershipId")).containsExactly(twin);
        assertThat(twinCities.path("partnerships").get(0).path("activities").asLong()).as("held in 2026").isEqualTo(1);
        assertThat(twinCities.path("partnerships").get(0).path("participants").asLong()).isEqualTo(22);
    }

    @Test
    void fundingIsSummedExactlyPerProgrammeAndYearInSekAndTheOriginalCurrencies() {
        String department = history.organisation("Teknik- och fastighetsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String project = history.project("Rent vatten", department, List.of("S1"), List.of(), List.of(), null, null);
        history.fundingLine(project, "INTERREG_AURORA", money("1000.10", "EUR"), money("900.05", "EUR"), null,
                sek("0.10"), LocalDate.of(2024, 5, 1));
        history.fundingLine(project, "INTERREG_AURORA", money("0.20", "EUR"), null, null, sek("0.20"),
                LocalDate.of(2024, 6, 1));
        history.fundingLine(project, "OWN_BUDGET", sek("100000.00"), sek("100000.00"), sek("25000.50"), null,
                LocalDate.of(2025, 2, 1));
        history.fundingLine(project, "HORIZON_EUROPE", money("1000", "CHF"), null, null, null, LocalDate.of(2025, 3, 1));

        JsonNode funding = awaitReport("/api/reports/funding?department={d}",
                report -> report.path("total").path("lines").asLong() == 4, department);
        JsonNode aurora = fundingRow(funding, "INTERREG_AURORA", 2024);
        assertThat(aurora.path("lines").asLong()).isEqualTo(2);
        assertThat(aurora.path("programmeName").asString()).isEqualTo("Interreg Aurora");
        JsonNode euro = aurora.path("original").get(0);
        assertThat(euro.path("currency").asString()).isEqualTo("EUR");
        assertThat(euro.path("applied").asString()).isEqualTo("1000.30");
        assertThat(euro.path("granted").asString()).isEqualTo("900.05");
        assertThat(euro.path("paid").asString()).as("none paid, written as euros are").isEqualTo("0.00");
        assertThat(aurora.path("original").get(1).path("ownContribution").asString()).as("0.10 + 0.20 SEK").isEqualTo("0.30");
        assertThat(aurora.path("sek").path("applied").asString()).as("1000.30 EUR at 11.4325").isEqualTo("11435.93");
        assertThat(aurora.path("sek").path("ownContribution").asString()).isEqualTo("0.30");
        assertThat(fundingRow(funding, "OWN_BUDGET", 2025).path("sek").path("paid").asString()).isEqualTo("25000.50");
        assertThat(funding.path("missingRates").toString()).isEqualTo("[{\"currency\":\"CHF\",\"year\":2025}]");
        assertThat(funding.path("rates").findValuesAsString("currency")).containsExactly("EUR");
        assertThat(funding.path("total").path("sek").path("granted").asString())
                .as("900.05 EUR at 11.4325 + 100000.00 SEK").isEqualTo("110289.82");

        JsonNode of2024 = report("/api/reports/funding?department={d}&year=2024", department);
        assertThat(of2024.path("rows").findValuesAsString("programme")).containsExactly("INTERREG_AURORA");
    }

    @Test
    void geographyPlacesTheWorkInCountriesAndRegions() {
        String department = history.organisation("Socialförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String selenge = history.organisation("Сэлэнгэ аймаг", "Selenge Aimag", "FOREIGN_REGION", "MN", "MN-049");
        String project = history.project("Rent vatten i Sükhbaatar", department, List.of("S2"), List.of(), List.of(),
                null, null);
        history.partner(project, selenge, "PARTNER");

        JsonNode geography = awaitReport("/api/reports/geography?department={d}",
                report -> country(report, "MN").path("projects").asLong() == 1, department);
        JsonNode mongolia = country(geography, "MN");
        assertThat(mongolia.path("name").asString()).isEqualTo("Mongoliet");
        assertThat(mongolia.path("nameEn").asString()).isEqualTo("Mongolia");
        assertThat(mongolia.path("organisations").asLong()).isPositive();
        assertThat(mongolia.path("regions").get(0).path("region").asString()).isEqualTo("MN-049");
        assertThat(mongolia.path("regions").get(0).path("projects").asLong()).isEqualTo(1);
        assertThat(country(geography, "SE").path("projects").asLong()).isEqualTo(1);
    }

    @Test
    void priorityListsTheOpenProjectsBelowTheThreshold() {
        String department = history.organisation("Vård- och omsorgsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String weak = history.project("Svagt förankrat", department, List.of("S2"), List.of(), List.of(), null, null);
        history.assessed(weak, 30, "CLEAR_RESULTS", "GROWTH_AREAS");
        String strong = history.project("Väl förankrat", department, List.of("S1"), List.of(), List.of(), null, null);
        history.assessed(strong, 90);
        String cancelled = history.project("Avbrutet", department, List.of("S1"), List.of(), List.of(), null, null);
        history.assessed(cancelled, 10);
        history.status(cancelled, "IDEA", "CANCELLED");

        JsonNode priority = awaitReport("/api/reports/priority?department={d}",
                report -> report.path("assessed").asLong() == 2, department);
        assertThat(priority.path("threshold").asDouble()).isEqualTo(40.0);
        assertThat(priority.path("average").asDouble()).isEqualTo(60.0);
        assertThat(priority.path("median").asDouble()).isEqualTo(60.0);
        assertThat(StreamSupport.stream(priority.path("distribution").spliterator(), false)
                .map(band -> band.path("projects").asLong()).toList()).containsExactly(0L, 1L, 0L, 0L, 1L);
        assertThat(priority.path("below").path("totalItems").asLong()).isEqualTo(1);
        JsonNode below = priority.path("below").path("items").get(0);
        assertThat(below.path("projectId").asString()).isEqualTo(weak);
        assertThat(below.path("owner").asString()).isEqualTo("Vård- och omsorgsförvaltningen");
        assertThat(below.path("unmet").toString()).isEqualTo("[\"CLEAR_RESULTS\",\"GROWTH_AREAS\"]");

        JsonNode first = report("/api/reports/priority?department={d}&threshold=95&size=1", department).path("below");
        assertThat(first.path("totalItems").asLong()).isEqualTo(2);
        assertThat(first.path("totalPages").asLong()).isEqualTo(2);
        assertThat(first.path("items").findValuesAsString("projectId")).as("the lowest first").containsExactly(weak);
        assertThat(report("/api/reports/priority?department={d}&threshold=95&size=1&page=1", department)
                .path("below").path("items").findValuesAsString("projectId")).containsExactly(strong);
        assertThat(report("/api/reports/priority?department={d}&threshold=95&page=2", department)
                .path("below").path("items").size()).as("past the last page").isZero();
        expectRefused("/api/reports/priority?threshold=101", HttpStatus.UNPROCESSABLE_CONTENT, "threshold");
        expectRefused("/api/reports/priority?size=201", HttpStatus.UNPROCESSABLE_CONTENT, "size");
        expectRefused("/api/reports/priority?page=-1", HttpStatus.UNPROCESSABLE_CONTENT, "page");
    }

    @Test
    void indicatorsShowProgressAndAreSummedPerStrategyKindAndUnit() {
        String department = history.organisation("Miljö- och samhällsnämndens förvaltning", "DEPARTMENT", "SE", "SE-Z");
        String water = history.project("Rent vatten", department, List.of("S1"), List.of(), List.of(), null, null);
        String households = history.indicator(water, "RESULT", "Hushåll med rent vatten", "hushåll", "100", "200");
        history.indicatorReport(water, households, LocalDate.of(2026, 1, 1), "150");
        history.indicatorReport(water, households, LocalDate.of(2025, 12, 1), "120");
        String sanitation = history.project("Sanitet", department, List.of("S1"), List.of(), List.of(), null, null);
        history.indicator(sanitation, "RESULT", "Hushåll med avlopp", "hushåll", null, "50");
        history.indicator(sanitation, "OUTPUT", "Utbildade tekniker", "personer", "0", "10");

        JsonNode indicators = awaitReport("/api/reports/indicators?department={d}",
                report -> report.path("projects").path("totalItems").asLong() == 2
                        && report.path("projects").path("items").findValues("indicators").stream()
                        .mapToInt(JsonNode::size).sum() == 3
                        && report.toString().contains("\"latest\":\"150\""), department);
        JsonNode row = indicators.path("projects").path("items").get(0).path("indicators").get(0);
        assertThat(indicators.path("projects").path("items").findValuesAsString("title")).as("by title")
                .containsExactly("Rent vatten", "Sanitet");
        assertThat(row.path("latest").asString()).as("the latest by date, not by arrival").isEqualTo("150");
        assertThat(row.path("latestOn").asString()).isEqualTo("2026-01-01");
        assertThat(row.path("progress").asString()).isEqualTo("50.0");
        JsonNode result = indicators.path("byStrategy").get(0);
        assertThat(result.path("strategy").asString()).isEqualTo("S1");
        assertThat(result.path("kind").asString()).isEqualTo("OUTPUT");
        JsonNode households1 = indicators.path("byStrategy").get(1);
        assertThat(households1.path("unit").asString()).isEqualTo("hushåll");
        assertThat(households1.path("indicators").asLong()).isEqualTo(2);
        assertThat(households1.path("reported").asLong()).isEqualTo(1);
        assertThat(households1.path("baseline").asString()).isEqualTo("100");
        assertThat(households1.path("target").asString()).isEqualTo("250");
        assertThat(households1.path("latest").asString()).isEqualTo("150");
        assertThat(report("/api/reports/indicators?department={d}&size=1&page=1", department).path("projects")
                .path("items").findValuesAsString("title")).containsExactly("Sanitet");
        expectRefused("/api/reports/indicators?size=0", HttpStatus.UNPROCESSABLE_CONTENT, "size");
    }

    @Test
    void theActivityFeedTellsTheNewsInSwedishAndEnglish() {
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String odense = history.organisation("Odense Kommune", "FOREIGN_CITY", "DK", null);
        String title = "Kulturarv " + suffix();
        String project = history.project(title, department, List.of("S2"), List.of(), List.of(), null, null);
        history.status(project, "IDEA", "PRE_STUDY");
        history.partner(project, odense, "PARTNER");
        history.assessed(project, 40);

        JsonNode feed = awaitReport("/api/reports/activity?limit=200",
                report -> linesAbout(report, project).size() == 3);
        List<JsonNode> lines = linesAbout(feed, project);
        assertThat(lines).extracting(line -> line.path("text").asString()).containsExactly(
                "Odense Kommune är ny partner i projektet " + title,
                "Projektet " + title + ": Idé → Förstudie",
                "Projektet " + title + " registrerades");
        assertThat(lines.get(1).path("textEn").asString()).isEqualTo("Project " + title + " moved to PRE_STUDY");
        assertThat(lines.get(1).path("visibility").asString()).isEqualTo("COUNTY");
        expectRefused("/api/reports/activity?limit=0", HttpStatus.UNPROCESSABLE_CONTENT, "limit");
    }

    @Test
    void aParameterThatIsNoValueOfItsTypeIsRefusedNamingIt() {
        expectRefused("/api/reports/priority?threshold=high", HttpStatus.UNPROCESSABLE_CONTENT, "threshold");
        expectRefused("/api/reports/activity?limit=many", HttpStatus.UNPROCESSABLE_CONTENT, "limit");
        expectRefused("/api/reports/annual/twenty", HttpStatus.UNPROCESSABLE_CONTENT, "year");
        expectRefused("/api/reports/portfolio?year=2000000000", HttpStatus.UNPROCESSABLE_CONTENT, "year");
        api.http().get().uri("/api/reports/portfolio?department={d}&strategy={s}", "\u0000", "(.*")
                .exchange().expectStatus().isOk();
    }

    @Test
    void everyReportSaysHowFreshItIs() {
        String department = history.organisation("Kommunledningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        history.project("Färskt", department, List.of("S1"), List.of(), List.of(), null, null);

        JsonNode portfolio = awaitReport("/api/reports/portfolio?department={d}",
                report -> report.path("projects").path("total").asLong() == 1
                        && report.path("freshness").path("lagEvents").asLong(-1) == 0, department);
        JsonNode freshness = portfolio.path("freshness");
        assertThat(Instant.parse(freshness.path("lastEventTime").asString()))
                .isBeforeOrEqualTo(Instant.parse(freshness.path("asOf").asString()));
        assertThat(freshness.path("generation").asInt()).isPositive();
        assertThat(freshness.path("rebuilding").asBoolean()).isFalse();
        for (String uri : List.of("/api/reports/coverage", "/api/reports/partnerships", "/api/reports/funding",
                "/api/reports/geography", "/api/reports/priority", "/api/reports/indicators", "/api/reports/activity")) {
            assertThat(report(uri).path("freshness").path("lastEventTime").isString()).as(uri).isTrue();
        }
    }

    @Test
    void aReportAskedAgainBeforeAnotherEventIsGivenAsComputedAndTheNextEventComputesItAgain() {
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        history.project("Först", department, List.of("S1"), List.of(), List.of(), null, null);
        awaitReport("/api/reports/portfolio?department={d}", report -> report.path("projects").path("total")
                .asLong() == 1, department);

        // Computed again, a report says when to the nanosecond: the same twice in a row was computed once.
        await().atMost(WAIT).until(() -> report("/api/reports/portfolio?department={d}", department)
                .equals(report("/api/reports/portfolio?department={d}", department)));

        history.project("Sedan", department, List.of("S2"), List.of(), List.of(), null, null);
        awaitReport("/api/reports/portfolio?department={d}", report -> report.path("projects").path("total")
                .asLong() == 2, department);
    }

    /** The titles of a page of a department's projects. */
    private static List<String> titles(JsonNode page) {
        return page.path("projects").path("items").findValuesAsString("title");
    }

    private static JsonNode department(JsonNode departments, String id) {
        return find(departments, "organisationId", id);
    }

    private static JsonNode row(JsonNode partnerships, String id) {
        return find(partnerships, "partnershipId", id);
    }

    private static JsonNode country(JsonNode geography, String code) {
        return find(geography.path("countries"), "country", code);
    }

    private static JsonNode fundingRow(JsonNode funding, String programme, int year) {
        return StreamSupport.stream(funding.path("rows").spliterator(), false)
                .filter(row -> programme.equals(row.path("programme").asString()) && row.path("year").asInt() == year)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + programme + " " + year + " in " + funding));
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> value.equals(row.path(field).asString()))
                .findFirst().orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }

    private static List<JsonNode> linesAbout(JsonNode feed, String aggregateId) {
        return StreamSupport.stream(feed.path("lines").spliterator(), false)
                .filter(line -> aggregateId.equals(line.path("aggregateId").asString()))
                .toList();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
