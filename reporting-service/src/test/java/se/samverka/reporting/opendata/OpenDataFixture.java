package se.samverka.reporting.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.events.Money;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;
import se.samverka.reporting.ReportingSettings;
import se.samverka.reporting.funding.ExchangeRates;
import se.samverka.reporting.readmodel.CallEntry;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;
import se.samverka.reporting.readmodel.ProjectEntry.PartnerEntry;
import se.samverka.reporting.report.Names;

/**
 * Read-model entries built by hand: public and shared things side by side, organisations that are persons or might be
 * beside those that are not, public and internal funding lines.
 */
final class OpenDataFixture {

    static final Instant DIRECTORY_CHANGED = Instant.parse("2026-01-10T08:00:00Z");
    static final Instant PROJECT_CHANGED = Instant.parse("2026-03-02T09:30:15.250Z");
    static final Instant COUNTY_PROJECT_CHANGED = Instant.parse("2026-04-01T12:00:00Z");
    static final Instant PARTNERSHIP_CHANGED = Instant.parse("2026-02-01T10:00:00Z");
    static final Instant CALL_CHANGED = Instant.parse("2026-02-15T07:00:00Z");

    static final OpenDatasets DATASETS = new OpenDatasets(
            new ExchangeRates(new ReportingSettings(ZoneId.of("Europe/Stockholm"), 40,
                    Map.of(2025, Map.of("EUR", new BigDecimal("11.05"))), null)),
            new Names(MunicipalStrategy.load(null), FundingProgrammes.load(null)));

    private OpenDataFixture() {
    }

    static Map<String, OrganisationEntry> organisations() {
        return Map.of(
                "o-kommun", organisation("Östersunds kommun", "MUNICIPALITY", "PUBLIC", "SE", null, true),
                "o-dept", new OrganisationEntry(new OrganisationDescription("Kultur- och fritidsförvaltningen",
                        "Culture and Leisure", "DEPARTMENT", "PUBLIC", "SE", "SE-Z", null, null, "o-kommun", true)),
                "o-company", organisation("Fjällföretaget AB", "COMPANY", "PRIVATE", "SE", "SE-Z", true),
                // A sole trader abroad: private, whatever its kind.
                "o-trader", organisation("Kari Nordmann Konsult", "FOREIGN_ORGANISATION", "PRIVATE", "NO", null, true),
                "o-forening", organisation("Föreningen Vinterliv", "SOCIAL_ECONOMY", "SOCIAL_ECONOMY", "SE", null,
                        false),
                // Registered before organisations had a sector: a foreign city's is public, a network's unknown.
                "o-kajaani", organisation("Kajaani", "FOREIGN_CITY", null, "FI", "FI-05", true),
                "o-network", organisation("Mid Nordic Network", "NETWORK", null, "DK", null, true));
    }

    static Map<String, PartnershipEntry> partnerships() {
        return Map.of(
                "t-kajaani", new PartnershipEntry(new PartnershipDescription("Vänort Kajaani", "Twin city Kajaani",
                        null, "TWIN_CITY", "PUBLIC", "o-dept", List.of("CULTURE"), List.of("S1")), "ACTIVE",
                        List.of(new Party("o-dept", "LEAD"), new Party("o-kajaani", "PARTNER"),
                                new Party("o-trader", "PARTNER")),
                        "AGREEMENT", LocalDate.of(2030, 12, 31), PARTNERSHIP_CHANGED, PARTNERSHIP_CHANGED),
                "t-internal", new PartnershipEntry(new PartnershipDescription("Internt nätverk", null, null,
                        "NETWORK_MEMBERSHIP", "INTERNAL", "o-dept", List.of(), List.of()), "EXPLORING",
                        List.of(new Party("o-dept", "LEAD")), null, null, PARTNERSHIP_CHANGED,
                        Instant.parse("2026-05-01T00:00:00Z")));
    }

    static Map<String, ProjectEntry> projects() {
        return Map.of(
                "p-public", project("PUBLIC", "Vinterstaden", List.of("t-kajaani", "t-internal"), List.of(
                        funding("f-1", "INTERREG_AURORA", new Money(new BigDecimal("1000.50"), "EUR"),
                                new Money(new BigDecimal("800"), "EUR"), LocalDate.of(2025, 6, 1), false),
                        funding("f-2", "INTERREG_AURORA", new Money(new BigDecimal("5000"), "SEK"), null, null, true),
                        funding("f-3", "ERASMUS_PLUS", new Money(new BigDecimal("200"), "NOK"), null, null, false)),
                        PROJECT_CHANGED),
                "p-county", project("COUNTY", "Länsprojektet", List.of(), List.of(
                        funding("f-4", "INTERREG_AURORA", new Money(new BigDecimal("99"), "EUR"), null, null, false)),
                        COUNTY_PROJECT_CHANGED));
    }

    static Map<String, CallEntry> calls() {
        return Map.of(
                "c-public", new CallEntry("INTERREG_AURORA", "Utlysning 3", "Call 3", LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 9, 30), new Money(new BigDecimal("2000000.00"), "EUR"),
                        "https://www.interreg-aurora.eu/call-3", "PUBLIC", "PUBLISHED", LocalDate.of(2026, 2, 15),
                        CALL_CHANGED),
                "c-county", new CallEntry("ERASMUS_PLUS", "Länets utlysning", null, null, LocalDate.of(2026, 10, 1),
                        null, null, "COUNTY", "PUBLISHED", LocalDate.of(2026, 2, 1), Instant.parse("2026-06-01T00:00:00Z")),
                "c-withdrawn", new CallEntry("ERASMUS_PLUS", "Felregistrerad", null, null, LocalDate.of(2026, 10, 1),
                        null, null, "PUBLIC", CallEntry.WITHDRAWN, LocalDate.of(2026, 2, 1),
                        Instant.parse("2026-06-02T00:00:00Z")));
    }

    static PublicRegister register() {
        return new PublicRegister(organisations(), partnerships(), projects(), calls(), DIRECTORY_CHANGED);
    }

    private static OrganisationEntry organisation(String name, String type, String sector, String country,
                                                  String region, boolean active) {
        return new OrganisationEntry(new OrganisationDescription(name, null, type, sector, country, region, null, null,
                null, active));
    }

    private static ProjectEntry project(String visibility, String title, List<String> partnerships,
                                        List<FundingEntry> funding, Instant changed) {
        ProjectDescription description = new ProjectDescription("VS", title, title + " in English", null, null,
                "KS 2025/12", "o-dept", null, visibility, partnerships, List.of("S1", "S3"), List.of("S3.1"),
                List.of("EXPERIENCE_INDUSTRY"), List.of("CLIMATE"), List.of(11, 17), LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2025, 2, 1), null);
        return new ProjectEntry(description, "ONGOING", "ON_TRACK",
                List.of(new PartnerEntry("o-company", "PARTNER"), new PartnerEntry("o-kajaani", "PARTNER"),
                        new PartnerEntry("o-forening", "ASSOCIATED")),
                funding, List.of(), List.of(), 55.0, List.of(), null, changed, Instant.parse("2025-02-01T08:00:00Z"),
                changed);
    }

    private static FundingEntry funding(String id, String programme, Money applied, Money granted, LocalDate decidedOn,
                                        boolean internal) {
        return new FundingEntry(new FundingLine(id, programme, null, null, applied, granted, null, null, decidedOn,
                internal), LocalDate.of(2026, 1, 20));
    }
}
