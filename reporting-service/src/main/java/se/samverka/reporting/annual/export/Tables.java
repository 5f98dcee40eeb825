package se.samverka.reporting.annual.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.samverka.reporting.annual.AnnualReport;
import se.samverka.reporting.annual.AnnualReport.ProjectRow;
import se.samverka.reporting.broker.Broker;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.funding.Funding;
import se.samverka.reporting.partnerships.Partnerships;
import se.samverka.reporting.report.Labels;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.PartnershipRef;
import se.samverka.reporting.report.ProjectRef;

/** The tables the CSV files and the workbook share, so that both show the same columns under the same headings. */
final class Tables {

    static final String TOTAL = "Totalt";

    /** Organisation types that are always the municipality's own side of a partnership. */
    private static final Set<String> OWN_TYPES = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY");

    /** What a funding line without sums reads from: every cell stays empty. */
    private static final Funding.Sums NO_SUMS = new Funding.Sums(null, null, null, null, null);

    static final List<Column<ProjectRow>> PROJECTS = List.of(
            Column.text("Akronym", ProjectRow::acronym),
            Column.text("Titel", ProjectRow::title),
            Column.text("Diarienummer", ProjectRow::registrationNumber),
            Column.text("Ägare", ProjectRow::owner),
            Column.text("Status", row -> Labels.sv(row.status())),
            Column.text("Hälsa", row -> Labels.sv(row.health())),
            Column.text("Strategier", row -> Swedish.joined(row.strategies())),
            Column.text("Insatsområden", row -> Swedish.joined(row.growthAreas())),
            Column.text("Länder", row -> Swedish.joined(row.countries())),
            Column.text("Program", row -> Swedish.joined(row.programmes())),
            Column.amount("Sökt (SEK)", ProjectRow::appliedSek),
            Column.amount("Beviljat (SEK)", ProjectRow::grantedSek),
            Column.amount("Utbetalt (SEK)", ProjectRow::paidSek),
            Column.decimal("Poäng", ProjectRow::score),
            Column.date("Från", ProjectRow::from),
            Column.date("Till", ProjectRow::until),
            Column.text("Projekt-id", ProjectRow::projectId));

    static final List<Column<FundingLine>> FUNDING = List.of(
            Column.text("Program", FundingLine::programme),
            Column.text("Programnamn", FundingLine::programmeName),
            Column.count("År", FundingLine::year),
            Column.count("Antal rader", FundingLine::lines),
            Column.amount("Sökt (SEK)", line -> sek(line).applied()),
            Column.amount("Beviljat (SEK)", line -> sek(line).granted()),
            Column.amount("Utbetalt (SEK)", line -> sek(line).paid()),
            Column.amount("Egen insats (SEK)", line -> sek(line).ownContribution()),
            Column.text("Valuta", line -> original(line).currency()),
            Column.amount("Sökt (valuta)", line -> original(line).applied()),
            Column.amount("Beviljat (valuta)", line -> original(line).granted()),
            Column.amount("Utbetalt (valuta)", line -> original(line).paid()),
            Column.amount("Egen insats (valuta)", line -> original(line).ownContribution()));

    static final List<Column<Coverage.Department>> DEPARTMENTS = List.of(
            Column.text("Förvaltning", Coverage.Department::name),
            Column.text("Typ", department -> Labels.sv(department.type())),
            Column.count("Öppna projekt", Coverage.Department::openProjects),
            Column.count("Pågående projekt", Coverage.Department::ongoingProjects),
            Column.count("Aktiva partnerskap", department -> department.partnerships().size()),
            Column.text("Internationell dimension",
                    department -> department.hasInternationalDimension() ? "Ja" : "Nej"),
            Column.text("Projekt", department -> Swedish.joined(
                    department.projects().stream().map(Tables::projectName).toList())),
            Column.text("Partnerskap", department -> Swedish.joined(
                    department.partnerships().stream().map(PartnershipRef::name).toList())));

    static final List<Column<IntroductionLine>> INTRODUCTIONS = List.of(
            Column.text("Indelning", IntroductionLine::part),
            Column.text("Namn", IntroductionLine::name),
            Column.count("Föreslagna", line -> line.figures().proposed()),
            Column.count("Accepterade", line -> line.figures().accepted()),
            Column.count("Avböjda", line -> line.figures().declined()),
            Column.count("Väntar på svar", line -> line.figures().pending()),
            Column.count("Möte", line -> outcome(line, "MEETING")),
            Column.count("Gemensam ansökan", line -> outcome(line, "JOINT_APPLICATION")),
            Column.count("Projekt registrerat", line -> outcome(line, "PROJECT_REGISTERED")),
            Column.count("Inget resultat", line -> outcome(line, "NOTHING")),
            Column.count("Blev projekt", line -> line.figures().projects()),
            Column.text("Partnerskaps-id", IntroductionLine::partnershipId));

    static final List<Column<Broker.InterestRow>> INTERESTS = List.of(
            Column.text("Riktning", Broker.InterestRow::directionName),
            Column.text("Sektor", Broker.InterestRow::sectorName),
            Column.count("Angivna under året", Broker.InterestRow::stated),
            Column.count("Öppna vid årets slut", Broker.InterestRow::open));

    static final List<Column<Broker.ProgrammeRow>> CALLS = List.of(
            Column.text("Program", Broker.ProgrammeRow::programme),
            Column.text("Programnamn", Broker.ProgrammeRow::name),
            Column.count("Publicerade utlysningar", Broker.ProgrammeRow::published));

    private Tables() {
    }

    /**
     * One line of the broker's introductions: a sector's, the total's or a partnership's.
     *
     * @param part Sektor, Totalt or Partnerskap
     */
    record IntroductionLine(String part, String name, String partnershipId, Broker.Figures figures, boolean total) {
    }

    /** The introductions per sector, their total, then per partnership. */
    static List<IntroductionLine> introductionLines(Broker broker) {
        List<IntroductionLine> lines = new ArrayList<>();
        broker.introductions().sectors().forEach(row ->
                lines.add(new IntroductionLine("Sektor", row.name(), null, row.figures(), false)));
        lines.add(new IntroductionLine(TOTAL, TOTAL, null, broker.introductions().total(), true));
        broker.introductions().partnerships().forEach(row ->
                lines.add(new IntroductionLine("Partnerskap", row.name(), row.partnershipId(), row.figures(), false)));
        return lines;
    }

    private static long outcome(IntroductionLine line, String outcome) {
        return line.figures().outcomes().getOrDefault(outcome, 0L);
    }

    /**
     * One line of the funding table: a row of the report in one of the currencies its amounts were given in. Only a
     * row's first line carries its SEK sums and its number of funding lines, so that a column summed in Excel still
     * counts every krona once.
     *
     * @param lines    null on a row's further lines
     * @param sek      null on a row's further lines
     * @param original null for a row without any amount
     * @param total    whether it is a line of the total, whose programme reads Totalt
     */
    record FundingLine(String programme, String programmeName, Integer year, Long lines, Funding.Sums sek,
                       Funding.Sums original, boolean total) {
    }

    /** The funding rows, each in as many lines as it has currencies, and last the total in the same way. */
    static List<FundingLine> fundingLines(Funding funding) {
        List<FundingLine> lines = new ArrayList<>();
        funding.rows().forEach(row -> addLines(lines, row, row.programme(), row.programmeName(), false));
        addLines(lines, funding.total(), TOTAL, null, true);
        return lines;
    }

    private static void addLines(List<FundingLine> lines, Funding.Row row, String programme, String programmeName,
                                 boolean total) {
        List<Funding.Sums> currencies = row.original();
        if (currencies.isEmpty()) {
            lines.add(new FundingLine(programme, programmeName, row.year(), row.lines(), row.sek(), null, total));
            return;
        }
        for (int i = 0; i < currencies.size(); i++) {
            boolean first = i == 0;
            lines.add(new FundingLine(programme, programmeName, row.year(), first ? row.lines() : null,
                    first ? row.sek() : null, currencies.get(i), total));
        }
    }

    private static Funding.Sums sek(FundingLine line) {
        return line.sek() == null ? NO_SUMS : line.sek();
    }

    private static Funding.Sums original(FundingLine line) {
        return line.original() == null ? NO_SUMS : line.original();
    }

    static List<Column<Partnerships.Row>> twinCities(String municipality) {
        return List.of(
                Column.text("Vänort", Partnerships.Row::name),
                Column.text("Motpart", row -> Swedish.joined(
                        counterparts(row, municipality).stream().map(Partnerships.PartyRow::name).toList())),
                Column.text("Land", row -> Swedish.joined(counterparts(row, municipality).stream()
                        .map(party -> Names.country(party.country())).distinct().toList())),
                Column.text("Status", row -> Labels.sv(row.status())),
                Column.count("Projekt", row -> row.projects().size()),
                Column.count("Öppna projekt", Partnerships.Row::openProjects),
                Column.count("Aktiviteter", Partnerships.Row::activities),
                Column.count("Deltagare", Partnerships.Row::participants),
                Column.date("Senaste aktivitet", row -> Swedish.date(row.lastActivity())),
                Column.date("Avtal giltigt till", Partnerships.Row::agreementValidTo));
    }

    /**
     * The parties on the other side of a twin city partnership. The report does not mark the municipality's own
     * parties, so they are told by their type, or by being a Swedish municipality, or by the municipality's name.
     */
    static List<Partnerships.PartyRow> counterparts(Partnerships.Row row, String municipality) {
        return row.parties().stream().filter(party -> !isOwn(party, municipality)).toList();
    }

    private static boolean isOwn(Partnerships.PartyRow party, String municipality) {
        return OWN_TYPES.contains(party.type())
                || "MUNICIPALITY".equals(party.type()) && "SE".equals(party.country())
                || party.name() != null && party.name().equals(municipality);
    }

    static String projectName(ProjectRef project) {
        return project.acronym() == null || project.acronym().isBlank() ? project.title() : project.acronym();
    }

    /** A key figure of the year, as the workbook and the PDF list them. */
    record Figure(String label, Column.Kind kind, Object value) {
    }

    static List<Figure> keyFigures(AnnualReport report) {
        AnnualReport.KeyFigures figures = report.keyFigures();
        return List.of(
                new Figure("Projekt under året", Column.Kind.COUNT, figures.projectsRunning()),
                new Figure("– varav startade under året", Column.Kind.COUNT, figures.projectsStarted()),
                new Figure("– varav avslutade under året", Column.Kind.COUNT, figures.projectsEnded()),
                new Figure("– varav pågående nu", Column.Kind.COUNT, figures.projectsOngoing()),
                new Figure("Aktiva partnerskap", Column.Kind.COUNT, figures.activePartnerships()),
                new Figure("Länder som samarbetet når (Sverige inräknat)", Column.Kind.COUNT, figures.countries()),
                new Figure("Deltagande organisationer", Column.Kind.COUNT, figures.organisations()),
                new Figure("Aktiviteter under året", Column.Kind.COUNT, figures.activities()),
                new Figure("Deltagare i aktiviteterna", Column.Kind.COUNT, figures.participants()),
                new Figure("Förvaltningar och bolag utan internationell dimension", Column.Kind.COUNT,
                        figures.departmentsWithout()),
                new Figure("Beviljat under året (SEK)", Column.Kind.AMOUNT, figures.grantedSek()),
                new Figure("Utbetalt på årets finansieringsrader (SEK)", Column.Kind.AMOUNT, figures.paidSek()),
                new Figure("Genomsnittlig bedömningspoäng, öppna projekt", Column.Kind.DECIMAL,
                        figures.averageScore()));
    }
}
