package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.platform.test.AccessMatrix.HIDDEN;
import static se.samverka.platform.test.AccessMatrix.NO;
import static se.samverka.platform.test.AccessMatrix.NONE;
import static se.samverka.platform.test.AccessMatrix.OK;
import static se.samverka.platform.test.AccessMatrix.row;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import se.samverka.platform.test.AccessMatrix;
import se.samverka.platform.test.AccessMatrix.Row;
import se.samverka.platform.test.TestTokens;

/**
 * Who reads the reports: they count internal projects and partnerships beside shared ones, so they are the
 * municipality's (ADMIN and STAFF, whichever organisation); rebuilding them is the coordinator's. Without a token a
 * report answers 401, to anyone else 403: the reports are no secret, their contents are. The open data, made only of
 * what is public, is anyone's.
 */
class ReportAccessIT extends ReportingIntegrationTest {

    // @formatter:off
    private static final List<Row> MATRIX = List.of(
        //  endpoint                                     object      anonymous admin  staff    staff    company  other    partner
        //                                                                            of owner of other owner    company
        row("GET /api/reports/portfolio",                "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/coverage",                 "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/coverage/{department}/projects", "-",  NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/partnerships/twin-cities", "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/funding",                  "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/geography",                "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/priority",                 "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/indicators",               "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/activity",                 "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/broker?year=2026",         "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/projects/{id}",            "COUNTY",   NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/projects/no-such",         "-",        NONE,     HIDDEN, HIDDEN, HIDDEN,  NO,      NO,      NO),
        row("GET /api/reports/annual/2026",              "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/annual/2026.csv",          "-",        NONE,     OK,    OK,      OK,      NO,      NO,      NO),
        row("GET /api/reports/rebuilds/no-such",         "-",        NONE,     HIDDEN, NO,     NO,      NO,      NO,      NO),
        row("GET /api/operations/dead-letters",          "-",        NONE,     OK,    NO,      NO,      NO,      NO,      NO),
        // The open data is what is public: anyone's, with a token or without.
        row("GET /api/open-data/datasets",               "-",        OK,       OK,    OK,      OK,      OK,      OK,      OK),
        row("GET /api/open-data/datasets/projects.csv",  "-",        OK,       OK,    OK,      OK,      OK,      OK,      OK),
        row("GET /api/open-data/datasets/funding.json",  "-",        OK,       OK,    OK,      OK,      OK,      OK,      OK),
        row("GET /api/open-data/catalog.ttl",            "-",        OK,       OK,    OK,      OK,      OK,      OK,      OK),
        row("GET /api/open-data/catalog",                "-",        OK,       OK,    OK,      OK,      OK,      OK,      OK));
    // @formatter:on

    @Test
    void everyReportAnswersEveryCallerAsTheTableSays() {
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String other = history.organisation("Socialförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String project = history.project("Åtkomsttest", department, List.of("S1"), List.of(), List.of(), null, null);
        await().atMost(WAIT).until(() -> api.status(HttpMethod.GET, "/api/reports/projects/" + project, null, null) == OK);

        AccessMatrix.verify(MATRIX, (row, who) -> {
            String path = row.endpoint().substring("GET ".length()).replace("{id}", project)
                    .replace("{department}", department);
            String token = who.token(department, other);
            return (token == null ? api.anonymous() : api.as(token)).status(HttpMethod.GET, path, null, null);
        });
    }

    @Test
    void onlyTheCoordinatorStartsARebuild() {
        String department = history.organisation("Barn- och utbildningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        assertThat(api.as(TestTokens.staff(department)).status(HttpMethod.POST, "/api/reports/rebuilds", null, null))
                .isEqualTo(NO);
        assertThat(api.anonymous().status(HttpMethod.POST, "/api/reports/rebuilds", null, null)).isEqualTo(NONE);
    }
}
