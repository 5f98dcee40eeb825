package se.samverka.reporting.opendata;

import static se.samverka.reporting.opendata.Column.Type.BOOLEAN;
import static se.samverka.reporting.opendata.Column.Type.CODE;
import static se.samverka.reporting.opendata.Column.Type.DATE;
import static se.samverka.reporting.opendata.Column.Type.DATE_TIME;
import static se.samverka.reporting.opendata.Column.Type.DECIMAL;
import static se.samverka.reporting.opendata.Column.Type.INTEGER;
import static se.samverka.reporting.opendata.Column.Type.LIST;
import static se.samverka.reporting.opendata.Column.Type.TEXT;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.Money;
import se.samverka.reporting.funding.ExchangeRates;
import se.samverka.reporting.readmodel.CallEntry;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.report.Labels;
import se.samverka.reporting.report.Names;

/**
 * The datasets of the open data and their columns. A column's name is a promise to whoever reads the data: columns
 * may be added, never renamed or given another meaning (README, "Open data").
 */
@Component
public class OpenDatasets {

    private static final Map<String, String> CALL_STATUSES = Map.of("PUBLISHED", "Publicerad", "CLOSED", "Stängd");

    private final List<Dataset<?>> all;

    OpenDatasets(ExchangeRates rates, Names names) {
        this.all = List.of(projects(), partnerships(), organisations(), funding(rates, names), calls(names));
    }

    /** Every dataset, in the order the listing and the catalogue give them. */
    public List<Dataset<?>> all() {
        return all;
    }

    public Optional<Dataset<?>> byId(String id) {
        return all.stream().filter(dataset -> dataset.id().equals(id)).findFirst();
    }

    private static Dataset<Listed<ProjectEntry>> projects() {
        return new Dataset<>("projects",
                new Bilingual("Internationella projekt", "International projects"),
                new Bilingual("Kommunens öppna internationella projekt: status, ägare och partner, länder, strategier, "
                        + "insatsområden, globala frågor, hållbarhetsmål och datum.",
                        "The municipality's public international projects: status, owner and partners, countries, "
                                + "strategies, growth areas, global questions, sustainable development goals and "
                                + "dates."),
                List.of(new Bilingual("internationella projekt", "international projects"),
                        new Bilingual("EU-projekt", "EU projects"),
                        new Bilingual("internationellt samarbete", "international cooperation")),
                List.of("GOVE", "INTR"),
                List.of(
                        Column.of("project_id", TEXT, "Projektets id i Samverka, som aldrig ändras",
                                "The project's id in Samverka, which never changes", Listed::id),
                        Column.of("acronym", TEXT, "Projektets förkortning", "The project's acronym",
                                p -> p.entry().description().acronym()),
                        Column.of("title", TEXT, "Titeln på svenska", "The title in Swedish",
                                p -> p.entry().description().title()),
                        Column.of("title_en", TEXT, "Titeln på engelska", "The title in English",
                                p -> p.entry().description().titleEn()),
                        Column.of("registration_number", TEXT, "Kommunens diarienummer",
                                "The municipality's registration number (diarienummer)",
                                p -> p.entry().description().registrationNumber()),
                        Column.of("status", CODE, "Status: IDEA, PRE_STUDY, APPLICATION_DRAFT, SUBMITTED, APPROVED, "
                                        + "REJECTED, WITHDRAWN, ONGOING, SUSPENDED, FINAL_REPORTED, CLOSED eller "
                                        + "CANCELLED",
                                "Status: IDEA, PRE_STUDY, APPLICATION_DRAFT, SUBMITTED, APPROVED, REJECTED, WITHDRAWN, "
                                        + "ONGOING, SUSPENDED, FINAL_REPORTED, CLOSED or CANCELLED",
                                p -> p.entry().status()),
                        Column.of("status_sv", TEXT, "Statusen i ord", "The status in Swedish words",
                                p -> Labels.sv(p.entry().status())),
                        Column.of("status_since", DATE_TIME, "När projektet fick sin status",
                                "When the project got its status", p -> p.entry().statusSince()),
                        Column.of("owner_organisation_id", TEXT,
                                "Organisationen som äger projektet (i datamängden organisations)",
                                "The organisation that owns the project (in the organisations dataset)",
                                p -> p.register().published(p.entry().description().ownerOrganisationId())
                                        .orElse(null)),
                        Column.of("owner_organisation_name", TEXT, "Den ägande organisationens namn",
                                "The owning organisation's name",
                                p -> p.register().nameOf(p.entry().description().ownerOrganisationId()).orElse(null)),
                        Column.of("partner_organisation_ids", LIST,
                                "Partnerorganisationerna som finns i datamängden organisations",
                                "The partner organisations that are in the organisations dataset",
                                p -> p.register().published(p.entry().partners().stream()
                                        .map(ProjectEntry.PartnerEntry::organisationId).toList())),
                        Column.of("countries", LIST, "Länderna där ägaren och alla partner finns (ISO 3166-1 alfa-2)",
                                "The countries of the owner and every partner (ISO 3166-1 alpha-2)",
                                p -> p.register().countriesOf(p.entry().organisationIds())),
                        Column.of("partnership_ids", LIST, "De öppna partnerskap projektet hör till",
                                "The public partnerships the project belongs to",
                                p -> p.register().publicPartnerships(p.entry().description().partnershipIds())),
                        Column.of("strategies", LIST, "Kommunens strategier som projektet tjänar (S1, S2, S3)",
                                "The municipality's strategies the project serves (S1, S2, S3)",
                                p -> p.entry().description().strategies()),
                        Column.of("actions", LIST, "Strategiernas åtgärder som projektet genomför (t.ex. S3.1)",
                                "The strategies' actions the project carries out (e.g. S3.1)",
                                p -> p.entry().description().actions()),
                        Column.of("growth_areas", LIST, "Tillväxtprogrammets insatsområden",
                                "The growth programme's areas", p -> p.entry().description().growthAreas()),
                        Column.of("themes", LIST, "De globala frågor projektet tjänar",
                                "The global questions the project serves", p -> p.entry().description().themes()),
                        Column.of("sdgs", LIST, "FN:s globala mål för hållbar utveckling (1–17)",
                                "The UN Sustainable Development Goals (1–17)", p -> p.entry().description().sdgs()),
                        Column.of("planned_start", DATE, "Planerad start", "Planned start",
                                p -> p.entry().description().plannedStart()),
                        Column.of("planned_end", DATE, "Planerat slut", "Planned end",
                                p -> p.entry().description().plannedEnd()),
                        Column.of("actual_start", DATE, "Faktisk start", "Actual start",
                                p -> p.entry().description().actualStart()),
                        Column.of("actual_end", DATE, "Faktiskt slut", "Actual end",
                                p -> p.entry().description().actualEnd()),
                        Column.of("last_changed_at", DATE_TIME, "När projektet senast ändrades",
                                "When the project last changed", p -> p.entry().lastChangedAt())),
                register -> listed(register.projects(), register),
                register -> PublicRegister.latest(Stream.concat(register.projects().values().stream()
                        .map(ProjectEntry::lastChangedAt), register.directoryChanged().stream())));
    }

    private static Dataset<Listed<PartnershipEntry>> partnerships() {
        return new Dataset<>("partnerships",
                new Bilingual("Internationella partnerskap", "International partnerships"),
                new Bilingual("Kommunens öppna partnerskap: vänorter, utvecklingspartnerskap, regionala samarbeten, "
                        + "nätverk och näringslivssamarbeten, med parter, länder, status och avtal.",
                        "The municipality's public partnerships: twin cities, development partnerships, regional "
                                + "cooperation, networks and business cooperation, with their parties, countries, "
                                + "status and agreements."),
                List.of(new Bilingual("vänorter", "twin cities"), new Bilingual("partnerskap", "partnerships"),
                        new Bilingual("internationellt samarbete", "international cooperation")),
                List.of("GOVE", "INTR"),
                List.of(
                        Column.of("partnership_id", TEXT, "Partnerskapets id i Samverka, som aldrig ändras",
                                "The partnership's id in Samverka, which never changes", Listed::id),
                        Column.of("name", TEXT, "Namnet på svenska", "The name in Swedish",
                                p -> p.entry().description().name()),
                        Column.of("name_en", TEXT, "Namnet på engelska", "The name in English",
                                p -> p.entry().description().nameEn()),
                        Column.of("type", CODE, "Slag: TWIN_CITY, DEVELOPMENT_PARTNERSHIP, REGIONAL_COOPERATION, "
                                        + "NETWORK_MEMBERSHIP eller BUSINESS_COOPERATION",
                                "Kind: TWIN_CITY, DEVELOPMENT_PARTNERSHIP, REGIONAL_COOPERATION, NETWORK_MEMBERSHIP or "
                                        + "BUSINESS_COOPERATION",
                                p -> p.entry().description().type()),
                        Column.of("type_sv", TEXT, "Slaget i ord", "The kind in Swedish words",
                                p -> Labels.sv(p.entry().description().type())),
                        Column.of("status", CODE, "Status: EXPLORING, LETTER_OF_INTENT, ACTIVE, DORMANT, UNDER_REVIEW "
                                        + "eller ENDED",
                                "Status: EXPLORING, LETTER_OF_INTENT, ACTIVE, DORMANT, UNDER_REVIEW or ENDED",
                                p -> p.entry().status()),
                        Column.of("status_sv", TEXT, "Statusen i ord", "The status in Swedish words",
                                p -> Labels.sv(p.entry().status())),
                        Column.of("status_since", DATE_TIME, "När partnerskapet fick sin status",
                                "When the partnership got its status", p -> p.entry().statusSince()),
                        Column.of("responsible_department_id", TEXT, "Förvaltningen som ansvarar för partnerskapet",
                                "The department responsible for the partnership",
                                p -> p.register().published(p.entry().description().responsibleDepartmentId())
                                        .orElse(null)),
                        Column.of("party_organisation_ids", LIST,
                                "Parterna som finns i datamängden organisations",
                                "The parties that are in the organisations dataset",
                                p -> p.register().published(p.entry().partyIds())),
                        Column.of("countries", LIST, "Länderna där alla parter finns (ISO 3166-1 alfa-2)",
                                "The countries of every party (ISO 3166-1 alpha-2)",
                                p -> p.register().countriesOf(p.entry().partyIds())),
                        Column.of("themes", LIST, "De globala frågor partnerskapet tjänar",
                                "The global questions the partnership serves",
                                p -> p.entry().description().themes()),
                        Column.of("strategies", LIST, "Kommunens strategier som partnerskapet tjänar",
                                "The municipality's strategies the partnership serves",
                                p -> p.entry().description().strategies()),
                        Column.of("agreement_type", CODE, "Senaste avtalet: LETTER_OF_INTENT, "
                                        + "MEMORANDUM_OF_UNDERSTANDING eller AGREEMENT",
                                "The latest agreement: LETTER_OF_INTENT, MEMORANDUM_OF_UNDERSTANDING or AGREEMENT",
                                p -> p.entry().agreementType()),
                        Column.of("agreement_valid_to", DATE, "Dagen avtalet gäller till",
                                "The day the agreement is valid to", p -> p.entry().agreementValidTo()),
                        Column.of("last_changed_at", DATE_TIME, "När partnerskapet senast ändrades",
                                "When the partnership last changed", p -> p.entry().lastChangedAt())),
                register -> listed(register.partnerships(), register),
                register -> PublicRegister.latest(Stream.concat(register.partnerships().values().stream()
                        .map(PartnershipEntry::lastChangedAt), register.directoryChanged().stream())));
    }

    private static Dataset<Listed<OrganisationEntry>> organisations() {
        return new Dataset<>("organisations",
                new Bilingual("Organisationer i internationellt samarbete", "Organisations in international cooperation"),
                new Bilingual("Aktörsregistrets organisationer: kommunens förvaltningar och bolag, andra kommuner och "
                        + "regioner, lärosäten, myndigheter, idéburna organisationer och utländska städer och "
                        + "regioner. Företag och andra privata aktörer är inte med, eftersom en enskild "
                        + "näringsidkare är en person.",
                        "The actor directory's organisations: the municipality's departments and companies, other "
                                + "municipalities and regions, universities, agencies, social economy organisations "
                                + "and foreign cities and regions. Companies and other private actors are left out, "
                                + "since a sole trader is a person."),
                List.of(new Bilingual("aktörer", "actors"), new Bilingual("organisationer", "organisations"),
                        new Bilingual("internationellt samarbete", "international cooperation")),
                List.of("GOVE", "INTR"),
                List.of(
                        Column.of("organisation_id", TEXT, "Organisationens id i Samverka, som aldrig ändras",
                                "The organisation's id in Samverka, which never changes", Listed::id),
                        Column.of("name", TEXT, "Namnet", "The name", o -> o.entry().description().name()),
                        Column.of("name_en", TEXT, "Namnet på engelska", "The name in English",
                                o -> o.entry().description().nameEn()),
                        Column.of("type", CODE, "Slag: DEPARTMENT, MUNICIPAL_COMPANY, MUNICIPALITY, REGION, "
                                        + "SOCIAL_ECONOMY, UNIVERSITY, NETWORK, GOVERNMENT_AGENCY, FOREIGN_CITY, "
                                        + "FOREIGN_REGION eller FOREIGN_ORGANISATION",
                                "Kind: DEPARTMENT, MUNICIPAL_COMPANY, MUNICIPALITY, REGION, SOCIAL_ECONOMY, UNIVERSITY, "
                                        + "NETWORK, GOVERNMENT_AGENCY, FOREIGN_CITY, FOREIGN_REGION or "
                                        + "FOREIGN_ORGANISATION",
                                o -> o.entry().description().type()),
                        Column.of("type_sv", TEXT, "Slaget i ord", "The kind in Swedish words",
                                o -> Labels.sv(o.entry().description().type())),
                        Column.of("sector", CODE, "Sektor: PUBLIC eller SOCIAL_ECONOMY (tom för äldre registreringar)",
                                "Sector: PUBLIC or SOCIAL_ECONOMY (empty for older registrations)",
                                o -> o.entry().description().sector()),
                        Column.of("country", CODE, "Land (ISO 3166-1 alfa-2)", "Country (ISO 3166-1 alpha-2)",
                                o -> o.entry().description().country()),
                        Column.of("region", CODE, "Region (ISO 3166-2), där den är känd",
                                "Region (ISO 3166-2), where known", o -> o.entry().description().region()),
                        Column.of("parent_organisation_id", TEXT, "Organisationen den hör till, t.ex. kommunen",
                                "The organisation it belongs to, e.g. the municipality",
                                o -> o.register().published(o.entry().description().parentOrganisationId())
                                        .orElse(null)),
                        Column.of("active", BOOLEAN, "Om den fortfarande deltar", "Whether it still takes part",
                                o -> o.entry().description().takesPart())),
                register -> listed(register.organisations(), register),
                PublicRegister::directoryChanged);
    }

    private static Dataset<FundingRow> funding(ExchangeRates rates, Names names) {
        return new Dataset<>("funding",
                new Bilingual("Extern finansiering per program och år", "External funding per programme and year"),
                new Bilingual("Sökta, beviljade och utbetalda belopp och egen insats för de öppna projekten, per "
                        + "finansieringsprogram, år och valuta, exakt i valutan och omräknat till kronor. Ett belopp "
                        + "räknas det år finansiären beslutade, eller före beslutet det år det söktes.",
                        "Applied, granted and paid amounts and own contribution of the public projects, per funding "
                                + "programme, year and currency, exactly in the currency and converted to SEK. An "
                                + "amount counts in the year the funder decided, or before the decision, in the year "
                                + "it was applied for."),
                List.of(new Bilingual("extern finansiering", "external funding"), new Bilingual("EU-medel", "EU funds"),
                        new Bilingual("bidrag", "grants")),
                List.of("ECON", "INTR"),
                List.of(
                        Column.of("programme", CODE, "Finansieringsprogrammets kod, t.ex. INTERREG_AURORA",
                                "The funding programme's code, e.g. INTERREG_AURORA", FundingRow::programme),
                        Column.of("programme_name", TEXT, "Programmets namn", "The programme's name in Swedish",
                                row -> names.programme(row.programme())),
                        Column.of("programme_name_en", TEXT, "Programmets namn på engelska", "The programme's name",
                                row -> names.programmeEn(row.programme())),
                        Column.of("year", INTEGER, "Året", "The year", FundingRow::year),
                        Column.of("currency", CODE, "Valutan (ISO 4217)", "The currency (ISO 4217)",
                                FundingRow::currency),
                        Column.of("funding_lines", INTEGER, "Antal finansieringsrader", "How many funding lines",
                                FundingRow::lines),
                        Column.of("projects", INTEGER, "Antal projekt", "How many projects", FundingRow::projects),
                        Column.of("applied", DECIMAL, "Sökt belopp", "Amount applied for", FundingRow::applied),
                        Column.of("granted", DECIMAL, "Beviljat belopp", "Amount granted", FundingRow::granted),
                        Column.of("paid", DECIMAL, "Utbetalt belopp", "Amount paid", FundingRow::paid),
                        Column.of("own_contribution", DECIMAL, "Egen insats", "Own contribution",
                                FundingRow::ownContribution),
                        Column.of("sek_per_unit", DECIMAL, "Kronor per valutaenhet: Riksbankens årsgenomsnitt, som "
                                        + "kommunen har angett (närmaste års där året saknar en kurs); tom utan kurs",
                                "SEK per unit of the currency: the Riksbank's yearly average as the municipality "
                                        + "configured it (the nearest year's where the year has none); empty without a "
                                        + "rate",
                                row -> row.rate().orElse(null)),
                        Column.of("applied_sek", DECIMAL, "Sökt belopp i kronor", "Amount applied for in SEK",
                                row -> row.inSek(row.applied()).orElse(null)),
                        Column.of("granted_sek", DECIMAL, "Beviljat belopp i kronor", "Amount granted in SEK",
                                row -> row.inSek(row.granted()).orElse(null)),
                        Column.of("paid_sek", DECIMAL, "Utbetalt belopp i kronor", "Amount paid in SEK",
                                row -> row.inSek(row.paid()).orElse(null)),
                        Column.of("own_contribution_sek", DECIMAL, "Egen insats i kronor", "Own contribution in SEK",
                                row -> row.inSek(row.ownContribution()).orElse(null))),
                register -> FundingRow.of(register.projects(), rates),
                register -> PublicRegister.latest(register.projects().values().stream()
                        .map(ProjectEntry::lastChangedAt)));
    }

    private static Dataset<Listed<CallEntry>> calls(Names names) {
        return new Dataset<>("calls",
                new Bilingual("Utlysningar", "Funding calls"),
                new Bilingual("Öppna utlysningar från finansieringsprogram som kommunen bevakar: program, namn, när "
                        + "de öppnar och stänger, budget och länk. Återkallade utlysningar är inte med.",
                        "Public funding calls of the programmes the municipality follows: programme, name, when they "
                                + "open and close, budget and link. Withdrawn calls are left out."),
                List.of(new Bilingual("utlysningar", "funding calls"), new Bilingual("EU-medel", "EU funds"),
                        new Bilingual("finansieringsprogram", "funding programmes")),
                List.of("ECON", "INTR"),
                List.of(
                        Column.of("call_id", TEXT, "Utlysningens id i Samverka, som aldrig ändras",
                                "The call's id in Samverka, which never changes", Listed::id),
                        Column.of("programme", CODE, "Finansieringsprogrammets kod", "The funding programme's code",
                                c -> c.entry().programme()),
                        Column.of("programme_name", TEXT, "Programmets namn", "The programme's name in Swedish",
                                c -> names.programme(c.entry().programme())),
                        Column.of("programme_name_en", TEXT, "Programmets namn på engelska", "The programme's name",
                                c -> names.programmeEn(c.entry().programme())),
                        Column.of("name", TEXT, "Namnet", "The name", c -> c.entry().name()),
                        Column.of("name_en", TEXT, "Namnet på engelska", "The name in English",
                                c -> c.entry().nameEn()),
                        Column.of("opens_on", DATE, "Första dagen ansökningar tas emot, om den är känd",
                                "The first day applications are taken, if announced", c -> c.entry().opensOn()),
                        Column.of("deadline", DATE, "Sista dagen ansökningar tas emot",
                                "The last day applications are taken", c -> c.entry().deadline()),
                        Column.of("budget", DECIMAL, "Vad utlysningen fördelar, om det är känt",
                                "What the call distributes, if announced",
                                c -> Optional.ofNullable(c.entry().budget()).map(Money::amount).orElse(null)),
                        Column.of("budget_currency", CODE, "Budgetens valuta (ISO 4217)",
                                "The budget's currency (ISO 4217)",
                                c -> Optional.ofNullable(c.entry().budget()).map(Money::currency).orElse(null)),
                        Column.of("url", TEXT, "Programmets sida om utlysningen", "The programme's page for the call",
                                c -> c.entry().url()),
                        Column.of("status", CODE, "Status: PUBLISHED eller CLOSED (sista dagen har passerat)",
                                "Status: PUBLISHED or CLOSED (its last day has passed)", c -> c.entry().status()),
                        Column.of("status_sv", TEXT, "Statusen i ord", "The status in Swedish words",
                                c -> CALL_STATUSES.getOrDefault(c.entry().status(), c.entry().status())),
                        Column.of("published_on", DATE, "Dagen utlysningen fördes in", "The day the call was entered",
                                c -> c.entry().publishedOn())),
                register -> listed(register.calls(), register),
                register -> PublicRegister.latest(register.calls().values().stream().map(CallEntry::lastChangedAt)));
    }

    private static <E> List<Listed<E>> listed(Map<String, E> entries, PublicRegister register) {
        return entries.entrySet().stream().map(entry -> new Listed<>(entry.getKey(), entry.getValue(), register))
                .toList();
    }
}
