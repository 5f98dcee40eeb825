package se.samverka.reporting.annual.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverka.platform.web.PageResponse;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;
import se.samverka.reporting.annual.AnnualReport;
import se.samverka.reporting.annual.AnnualReport.ProjectRow;
import se.samverka.reporting.broker.Broker;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.funding.ExchangeRates;
import se.samverka.reporting.funding.Funding;
import se.samverka.reporting.partnerships.Partnerships;
import se.samverka.reporting.portfolio.Portfolio;
import se.samverka.reporting.priority.Priority;
import se.samverka.reporting.report.Count;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.PartnershipRef;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.ReportFilter;

/**
 * Östersund's year 2026 as the annual report would give it, built by hand so that every figure is known: projects
 * owned by Swedish departments and by a Mongolian region with a Cyrillic name, a Chinese twin region with an English
 * name, funding in SEK, EUR and DKK (the last without an exchange rate), a department without any project, and the
 * broker's introductions, interests and calls.
 */
final class AnnualReportFixture {

    static final String MUNICIPALITY = "Östersunds kommun";
    static final String SELENGE = "Сэлэнгэ аймаг";
    static final String JILIN = "吉林省人民政府";
    static final String JILIN_EN = "Jilin Province";
    static final String DEPARTMENT_WITHOUT = "Vård- och omsorgsförvaltningen";
    static final Instant LAST_EVENT = Instant.parse("2026-03-01T13:05:00Z");
    static final BigDecimal GRANTED_TOTAL = new BigDecimal("2990000.50");
    static final BigDecimal PAID_TOTAL = new BigDecimal("1040000.25");

    static final ReportFilter FILTER = new ReportFilter(2026, null, null, null);
    static final Freshness FRESHNESS = new Freshness(LAST_EVENT, 0L, Instant.parse("2026-03-02T07:00:00Z"), 3, false);

    private static final String KLF = "Kommunledningsförvaltningen";
    private static final String BUF = "Barn- och utbildningsförvaltningen";
    private static final String KFF = "Kultur- och fritidsförvaltningen";

    private AnnualReportFixture() {
    }

    /** The names of strategies and programmes from the reference data the service ships. */
    static Names names() {
        return new Names(MunicipalStrategy.load(""), FundingProgrammes.load(""));
    }

    static AnnualReport ostersund2026() {
        return new AnnualReport(2026, MUNICIPALITY, FILTER, keyFigures(), portfolio(), projects(), funding(),
                coverage(), twinCities(), priority(), broker(), FRESHNESS);
    }

    /** The same year with the projects replaced: for what one row does to a file. */
    static AnnualReport withProjects(List<ProjectRow> projects) {
        AnnualReport report = ostersund2026();
        return new AnnualReport(report.year(), report.municipality(), report.filter(), report.keyFigures(),
                report.portfolio(), projects, report.funding(), report.coverage(), report.twinCities(),
                report.priority(), report.broker(), report.freshness());
    }

    /** A year before anything was registered: every table empty. */
    static AnnualReport empty() {
        Freshness never = new Freshness(null, null, Instant.parse("2026-01-02T08:00:00Z"), 1, false);
        Funding.Sums zero = sums("SEK", "0.00", "0.00", "0.00", "0.00");
        return new AnnualReport(2026, MUNICIPALITY, FILTER,
                new AnnualReport.KeyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("0.00"),
                        new BigDecimal("0.00"), null),
                new Portfolio(FILTER, new Portfolio.Part(0, Map.of()), new Portfolio.Part(0, Map.of()),
                        new Portfolio.Part(0, Map.of()), "SE", never),
                List.of(),
                new Funding(FILTER, List.of(), new Funding.Row(null, null, null, 0, zero, List.of()), List.of(),
                        List.of(), never),
                new Coverage(FILTER, List.of(), List.of(), never),
                new Partnerships(FILTER, List.of(), never),
                new Priority(FILTER, 50, 0, null, null, List.of(new Priority.Band(0, 20, 0),
                        new Priority.Band(80, 100, 0)), PageResponse.whole(List.of()), never),
                new Broker(2026, new Broker.Introductions(figures(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(),
                        List.of()), new Broker.Interests(0, 0, List.of()), new Broker.Calls(0, List.of()), never),
                never);
    }

    static AnnualReport.KeyFigures keyFigures() {
        return new AnnualReport.KeyFigures(5, 2, 1, 2, 4, 7, 14, 12, 230, 1, GRANTED_TOTAL, PAID_TOTAL, 63.8);
    }

    static List<ProjectRow> projects() {
        return List.of(
                new ProjectRow("p-arctic", "ARCTIC", "Arktiskt samarbete för hållbar turism", "KS 2025/0142", KLF,
                        "ONGOING", "ON_TRACK", List.of("S1", "S3"), List.of("EXPERIENCE_INDUSTRY"),
                        List.of("SE", "NO", "FI"), List.of("INTERREG_AURORA"), new BigDecimal("2400000.00"),
                        new BigDecimal("1250000.50"), new BigDecimal("600000.25"), 82.5, LocalDate.of(2025, 3, 1),
                        LocalDate.of(2027, 2, 28)),
                new ProjectRow("p-selenge", "SELENGE", "Kommunal förvaltning i Selenge", "KS 2025/0311", SELENGE,
                        "APPROVED", "ON_TRACK", List.of("S1"), List.of(), List.of("MN", "SE"),
                        List.of("ICLD_MUNICIPAL_PARTNERSHIP"), new BigDecimal("800000.00"),
                        new BigDecimal("750000.00"), new BigDecimal("0.00"), 64.0, LocalDate.of(2026, 1, 15),
                        LocalDate.of(2027, 12, 31)),
                new ProjectRow("p-jilin", "JILIN-EDU", "Skolutbyte Östersund–长春", "BUN 2024/0077", BUF, "ONGOING",
                        "AT_RISK", List.of("S2"), List.of("EDUCATION_CITY"), List.of("SE", "CN"),
                        List.of("ERASMUS_PLUS"), new BigDecimal("1100000.00"), new BigDecimal("990000.00"),
                        new BigDecimal("440000.00"), 45.0, LocalDate.of(2024, 8, 1), LocalDate.of(2026, 6, 30)),
                new ProjectRow("p-nordkalott", "NORDKALOTT", "Nordkalottens kulturnätverk; fas 2", "KFN 2023/0019",
                        KFF, "CLOSED", null, List.of("S2"), List.of(), List.of("SE", "NO", "FI", "DK"),
                        List.of("NORDIC_COUNCIL_OF_MINISTERS"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), null, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 3, 31)),
                new ProjectRow("p-vinter", null, "Vinterstaden – idéstudie", null, KFF, "IDEA", null, List.of(),
                        List.of(), List.of("SE"), List.of(), new BigDecimal("0.00"), new BigDecimal("0.00"),
                        new BigDecimal("0.00"), null, LocalDate.of(2026, 9, 1), null));
    }

    static Portfolio portfolio() {
        Map<String, List<Count>> projectsBy = new LinkedHashMap<>();
        projectsBy.put("status", List.of(new Count("ONGOING", null, 2), new Count("APPROVED", null, 1),
                new Count("CLOSED", null, 1), new Count("IDEA", null, 1)));
        projectsBy.put("strategy", List.of(
                new Count("S1", "Ökad attraktionskraft och hållbar tillväxt", 2),
                new Count("S2", "Ökad kunskap och delaktighet i internationella frågor hos medborgarna", 2),
                new Count("S3", "Ökad samverkan med näringslivet och den sociala ekonomin i internationella frågor",
                        1),
                new Count("NONE", null, 1)));
        Map<String, List<Count>> partnershipsBy = Map.of("status",
                List.of(new Count("ACTIVE", null, 4), new Count("DORMANT", null, 1)));
        return new Portfolio(FILTER, new Portfolio.Part(5, projectsBy), new Portfolio.Part(5, partnershipsBy),
                new Portfolio.Part(14, Map.of()), "SE", FRESHNESS);
    }

    static Funding funding() {
        List<Funding.Row> rows = List.of(
                new Funding.Row("ERASMUS_PLUS", "Erasmus+", 2026, 1,
                        sums("SEK", "1100000.00", "990000.00", "440000.00", "110000.00"),
                        List.of(sums("EUR", "100000.00", "90000.00", "40000.00", "10000.00"))),
                new Funding.Row("ICLD_MUNICIPAL_PARTNERSHIP", "ICLD kommunala partnerskap", 2026, 2,
                        sums("SEK", "800000.00", "750000.00", "0.00", "50000.00"),
                        List.of(sums("SEK", "800000.00", "750000.00", "0.00", "50000.00"))),
                new Funding.Row("INTERREG_AURORA", "Interreg Aurora", 2026, 2,
                        sums("SEK", "2400000.00", "1250000.50", "600000.25", "300000.00"),
                        List.of(sums("EUR", "100000.00", "50000.00", "20000.00", "0.00"),
                                sums("SEK", "1300000.00", "700000.50", "380000.25", "300000.00"))),
                new Funding.Row("NORDIC_COUNCIL_OF_MINISTERS", "Nordiska ministerrådet", 2026, 1,
                        sums("SEK", "0.00", "0.00", "0.00", "0.00"),
                        List.of(sums("DKK", "100000.00", "100000.00", "100000.00", "0.00"))));
        Funding.Row total = new Funding.Row(null, null, null, 6,
                sums("SEK", "4300000.00", "2990000.50", "1040000.25", "460000.00"),
                List.of(sums("DKK", "100000.00", "100000.00", "100000.00", "0.00"),
                        sums("EUR", "200000.00", "140000.00", "60000.00", "10000.00"),
                        sums("SEK", "2100000.00", "1450000.50", "380000.25", "350000.00")));
        return new Funding(FILTER, rows, total,
                List.of(new ExchangeRates.Rate(2026, "EUR", new BigDecimal("11.00"), 2025)),
                List.of(new Funding.MissingRate("DKK", 2026)), FRESHNESS);
    }

    static Coverage coverage() {
        ProjectRef arctic = new ProjectRef("p-arctic", "ARCTIC", "Arktiskt samarbete för hållbar turism", "ONGOING");
        ProjectRef jilin = new ProjectRef("p-jilin", "JILIN-EDU", "Skolutbyte Östersund–长春", "ONGOING");
        ProjectRef vinter = new ProjectRef("p-vinter", null, "Vinterstaden – idéstudie", "IDEA");
        PartnershipRef sanok = new PartnershipRef("t-sanok", "Vänort Sanok", "TWIN_CITY", "ACTIVE");
        PartnershipRef jilinTwin = new PartnershipRef("t-jilin", "Vänort Jilinprovinsen", "TWIN_CITY", "ACTIVE");
        PartnershipRef kajaani = new PartnershipRef("t-kajaani", "Vänort Kajaani", "TWIN_CITY", "ACTIVE");
        List<Coverage.Department> departments = List.of(
                new Coverage.Department("o-buf", BUF, "DEPARTMENT", 1, 1, List.of(jilin), List.of()),
                new Coverage.Department("o-klf", KLF, "DEPARTMENT", 1, 1, List.of(arctic), List.of(sanok, jilinTwin)),
                new Coverage.Department("o-kff", KFF, "DEPARTMENT", 1, 0, List.of(vinter), List.of(kajaani)),
                new Coverage.Department("o-hem", "Östersundshem AB", "MUNICIPAL_COMPANY", 1, 1, List.of(arctic),
                        List.of()),
                new Coverage.Department("o-vof", DEPARTMENT_WITHOUT, "DEPARTMENT", 0, 0, List.of(), List.of()));
        return new Coverage(FILTER, departments, List.of(departments.get(4)), FRESHNESS);
    }

    static Partnerships twinCities() {
        Partnerships.PartyRow ostersund = new Partnerships.PartyRow("o-ostersund", MUNICIPALITY,
                "Municipality of Östersund", "MUNICIPALITY", "SE", "LEAD");
        return new Partnerships(FILTER, List.of(
                twinCity("t-jilin", "Vänort Jilinprovinsen", "ACTIVE", ostersund,
                        new Partnerships.PartyRow("o-jilin", JILIN, JILIN_EN, "FOREIGN_REGION", "CN", "PARTNER"),
                        List.of(new ProjectRef("p-jilin", "JILIN-EDU", "Skolutbyte Östersund–长春", "ONGOING")), 1, 3,
                        45, Instant.parse("2026-02-20T09:30:00Z"), LocalDate.of(2028, 12, 31)),
                twinCity("t-kajaani", "Vänort Kajaani", "ACTIVE", ostersund,
                        new Partnerships.PartyRow("o-kajaani", "Kajaanin kaupunki", "City of Kajaani", "FOREIGN_CITY",
                                "FI", "PARTNER"),
                        List.of(), 0, 0, 0, Instant.parse("2025-11-03T10:00:00Z"), null),
                twinCity("t-odense", "Vänort Odense", "DORMANT", ostersund,
                        new Partnerships.PartyRow("o-odense", "Odense Kommune", "Odense Municipality", "FOREIGN_CITY",
                                "DK", "PARTNER"),
                        List.of(), 0, 0, 0, Instant.parse("2023-05-10T12:00:00Z"), null),
                twinCity("t-sanok", "Vänort Sanok", "ACTIVE", ostersund,
                        new Partnerships.PartyRow("o-sanok", "Gmina Miasta Sanoka", "Sanok", "FOREIGN_CITY", "PL",
                                "PARTNER"),
                        List.of(), 0, 0, 0, Instant.parse("2025-06-12T08:00:00Z"), LocalDate.of(2027, 6, 1))),
                FRESHNESS);
    }

    static Priority priority() {
        return new Priority(FILTER, 50, 3, 63.8, 64.0,
                List.of(new Priority.Band(0, 20, 0), new Priority.Band(20, 40, 0), new Priority.Band(40, 60, 1),
                        new Priority.Band(60, 80, 1), new Priority.Band(80, 100, 1)),
                PageResponse.whole(List.of(new Priority.Below("p-jilin", "Skolutbyte Östersund–长春", "o-buf", BUF,
                        "ONGOING", 45.0, List.of("CLEAR_RESULTS", "GROWTH_AREAS")))),
                FRESHNESS);
    }

    /** Six introductions, two of which became projects; interests of both directions; three calls. */
    static Broker broker() {
        Broker.Introductions introductions = new Broker.Introductions(figures(6, 4, 1, 1, 3, 2, 2, 1, 2),
                List.of(new Count("2025", null, 2), new Count("2026", null, 6)),
                List.of(new Broker.SectorRow("PUBLIC", "Offentlig sektor", "Public sector",
                                figures(1, 1, 0, 0, 1, 0, 0, 1, 0)),
                        new Broker.SectorRow("PRIVATE", "Näringsliv", "Business", figures(3, 2, 1, 0, 1, 1, 1, 0, 1)),
                        new Broker.SectorRow("SOCIAL_ECONOMY", "Idéburen sektor", "Social economy",
                                figures(2, 1, 0, 1, 1, 1, 1, 0, 1))),
                List.of(new Broker.PartnershipRow("t-kajaani", "Vänort Kajaani", "Twin city Kajaani",
                        figures(2, 2, 0, 0, 2, 1, 1, 0, 1))));
        Broker.Interests interests = new Broker.Interests(7, 9, List.of(
                new Broker.InterestRow("OFFERS", "Erbjuder", "Offers", "PUBLIC", "Offentlig sektor", "Public sector", 1,
                        2),
                new Broker.InterestRow("OFFERS", "Erbjuder", "Offers", "PRIVATE", "Näringsliv", "Business", 3, 4),
                new Broker.InterestRow("OFFERS", "Erbjuder", "Offers", "SOCIAL_ECONOMY", "Idéburen sektor",
                        "Social economy", 0, 0),
                new Broker.InterestRow("SEEKS", "Söker", "Seeks", "PUBLIC", "Offentlig sektor", "Public sector", 0, 0),
                new Broker.InterestRow("SEEKS", "Söker", "Seeks", "PRIVATE", "Näringsliv", "Business", 2, 2),
                new Broker.InterestRow("SEEKS", "Söker", "Seeks", "SOCIAL_ECONOMY", "Idéburen sektor",
                        "Social economy", 1, 1)));
        Broker.Calls calls = new Broker.Calls(3, List.of(
                new Broker.ProgrammeRow("INTERREG_AURORA", "Interreg Aurora", "Interreg Aurora", 2),
                new Broker.ProgrammeRow("ERASMUS_PLUS", "Erasmus+", "Erasmus+", 1)));
        return new Broker(2026, introductions, interests, calls, FRESHNESS);
    }

    private static Broker.Figures figures(long proposed, long accepted, long declined, long pending, long meetings,
                                          long applications, long registered, long nothing, long projects) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("MEETING", meetings);
        outcomes.put("JOINT_APPLICATION", applications);
        outcomes.put("PROJECT_REGISTERED", registered);
        outcomes.put("NOTHING", nothing);
        return new Broker.Figures(proposed, accepted, declined, pending, outcomes, projects);
    }

    private static Partnerships.Row twinCity(String id, String name, String status, Partnerships.PartyRow own,
                                             Partnerships.PartyRow counterpart, List<ProjectRef> projects,
                                             long openProjects, long activities, long participants,
                                             Instant lastActivity, LocalDate agreementValidTo) {
        return new Partnerships.Row(id, name, "TWIN_CITY", status, Instant.parse("2020-01-01T00:00:00Z"),
                "DORMANT".equals(status), "PUBLIC", List.of(own, counterpart), List.of("SE", counterpart.country()),
                "AGREEMENT", agreementValidTo, projects, openProjects, activities, participants, lastActivity);
    }

    private static Funding.Sums sums(String currency, String applied, String granted, String paid, String own) {
        return new Funding.Sums(currency, new BigDecimal(applied), new BigDecimal(granted), new BigDecimal(paid),
                new BigDecimal(own));
    }
}
