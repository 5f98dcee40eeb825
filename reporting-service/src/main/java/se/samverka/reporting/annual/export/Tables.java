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
import se.samverka.reporting.report.PartnershipRef;
import se.samverka.reporting.report.ProjectRef;

/**
 * The tables the CSV files and the workbook share, in one language, so that both show the same columns under the
 * same headings.
 */
final class Tables {

    /** Organisation types that are always the municipality's own side of a partnership. */
    private static final Set<String> OWN_TYPES = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY");

    /** What a funding line without sums reads from: every cell stays empty. */
    private static final Funding.Sums NO_SUMS = new Funding.Sums(null, null, null, null, null);

    private final Words words;

    Tables(Words words) {
        this.words = words;
    }

    /** Totalt or Total: the programme, and the name, of the lines that sum up the others. */
    String total() {
        return words.get("total");
    }

    List<Column<ProjectRow>> projects() {
        return List.of(
                Column.text(words.get("column.acronym"), ProjectRow::acronym),
                Column.text(words.get("column.title"), ProjectRow::title),
                Column.text(words.get("column.registration-number"), ProjectRow::registrationNumber),
                Column.text(words.get("column.owner"), ProjectRow::owner),
                Column.text(words.get("column.status"), row -> words.label(row.status())),
                Column.text(words.get("column.health"), row -> words.label(row.health())),
                Column.text(words.get("column.strategies"), row -> Words.joined(row.strategies())),
                Column.text(words.get("column.growth-areas"), row -> Words.joined(row.growthAreas())),
                Column.text(words.get("column.countries"), row -> Words.joined(row.countries())),
                Column.text(words.get("column.programmes"), row -> Words.joined(row.programmes())),
                Column.amount(words.get("column.applied-sek"), ProjectRow::appliedSek),
                Column.amount(words.get("column.granted-sek"), ProjectRow::grantedSek),
                Column.amount(words.get("column.paid-sek"), ProjectRow::paidSek),
                Column.decimal(words.get("column.score"), ProjectRow::score),
                Column.date(words.get("column.from"), ProjectRow::from),
                Column.date(words.get("column.until"), ProjectRow::until),
                Column.text(words.get("column.project-id"), ProjectRow::projectId));
    }

    List<Column<FundingLine>> funding() {
        return List.of(
                Column.text(words.get("column.programme"), FundingLine::programme),
                Column.text(words.get("column.programme-name"), FundingLine::programmeName),
                Column.count(words.get("column.year"), FundingLine::year),
                Column.count(words.get("column.lines"), FundingLine::lines),
                Column.amount(words.get("column.applied-sek"), line -> sek(line).applied()),
                Column.amount(words.get("column.granted-sek"), line -> sek(line).granted()),
                Column.amount(words.get("column.paid-sek"), line -> sek(line).paid()),
                Column.amount(words.get("column.own-contribution-sek"), line -> sek(line).ownContribution()),
                Column.text(words.get("column.currency"), line -> original(line).currency()),
                Column.amount(words.get("column.applied-currency"), line -> original(line).applied()),
                Column.amount(words.get("column.granted-currency"), line -> original(line).granted()),
                Column.amount(words.get("column.paid-currency"), line -> original(line).paid()),
                Column.amount(words.get("column.own-contribution-currency"),
                        line -> original(line).ownContribution()));
    }

    List<Column<Coverage.Department>> departments() {
        return List.of(
                Column.text(words.get("column.department"), Coverage.Department::name),
                Column.text(words.get("column.type"), department -> words.label(department.type())),
                Column.count(words.get("column.open-projects"), Coverage.Department::openProjects),
                Column.count(words.get("column.ongoing-projects"), Coverage.Department::ongoingProjects),
                Column.count(words.get("column.active-partnerships"), department -> department.partnerships().size()),
                Column.text(words.get("column.international-dimension"),
                        department -> words.yesOrNo(department.hasInternationalDimension())),
                Column.text(words.get("column.projects"), department -> Words.joined(
                        department.projects().stream().map(Tables::projectName).toList())),
                Column.text(words.get("column.partnerships"), department -> Words.joined(
                        department.partnerships().stream().map(PartnershipRef::name).toList())));
    }

    List<Column<Partnerships.Row>> twinCities(String municipality) {
        return List.of(
                Column.text(words.get("column.twin-city"), Partnerships.Row::name),
                Column.text(words.get("column.counterpart"), row -> Words.joined(counterparts(row, municipality)
                        .stream().map(party -> words.name(party.name(), party.nameEn())).toList())),
                Column.text(words.get("column.country"), row -> Words.joined(counterparts(row, municipality).stream()
                        .map(party -> words.country(party.country())).distinct().toList())),
                Column.text(words.get("column.status"), row -> words.label(row.status())),
                Column.count(words.get("column.projects"), row -> row.projects().size()),
                Column.count(words.get("column.open-projects"), Partnerships.Row::openProjects),
                Column.count(words.get("column.activities"), Partnerships.Row::activities),
                Column.count(words.get("column.participants"), Partnerships.Row::participants),
                Column.date(words.get("column.last-activity"), row -> Words.date(row.lastActivity())),
                Column.date(words.get("column.agreement-valid-until"), Partnerships.Row::agreementValidTo));
    }

    List<Column<IntroductionLine>> introductions() {
        return List.of(
                Column.text(words.get("column.breakdown"), IntroductionLine::part),
                Column.text(words.get("column.name"), IntroductionLine::name),
                Column.count(words.get("column.proposed"), line -> line.figures().proposed()),
                Column.count(words.get("column.accepted"), line -> line.figures().accepted()),
                Column.count(words.get("column.declined"), line -> line.figures().declined()),
                Column.count(words.get("column.pending"), line -> line.figures().pending()),
                Column.count(words.get("column.meeting"), line -> outcome(line, "MEETING")),
                Column.count(words.get("column.joint-application"), line -> outcome(line, "JOINT_APPLICATION")),
                Column.count(words.get("column.project-registered"), line -> outcome(line, "PROJECT_REGISTERED")),
                Column.count(words.get("column.nothing"), line -> outcome(line, "NOTHING")),
                Column.count(words.get("column.became-projects"), line -> line.figures().projects()),
                Column.text(words.get("column.partnership-id"), IntroductionLine::partnershipId));
    }

    List<Column<Broker.InterestRow>> interests() {
        return List.of(
                Column.text(words.get("column.direction"),
                        row -> words.name(row.directionName(), row.directionNameEn())),
                Column.text(words.get("column.sector"), row -> words.name(row.sectorName(), row.sectorNameEn())),
                Column.count(words.get("column.stated-in-year"), Broker.InterestRow::stated),
                Column.count(words.get("column.open-at-year-end"), Broker.InterestRow::open));
    }

    List<Column<Broker.ProgrammeRow>> calls() {
        return List.of(
                Column.text(words.get("column.programme"), Broker.ProgrammeRow::programme),
                Column.text(words.get("column.programme-name"), row -> words.name(row.name(), row.nameEn())),
                Column.count(words.get("column.calls-published"), Broker.ProgrammeRow::published));
    }

    /**
     * One line of the broker's introductions: a sector's, the total's or a partnership's.
     *
     * @param part Sektor, Totalt or Partnerskap (Sector, Total or Partnership)
     */
    record IntroductionLine(String part, String name, String partnershipId, Broker.Figures figures, boolean total) {
    }

    /** The introductions per sector, their total, then per partnership. */
    List<IntroductionLine> introductionLines(Broker broker) {
        List<IntroductionLine> lines = new ArrayList<>();
        broker.introductions().sectors().forEach(row -> lines.add(new IntroductionLine(words.get("part.sector"),
                words.name(row.name(), row.nameEn()), null, row.figures(), false)));
        lines.add(new IntroductionLine(total(), total(), null, broker.introductions().total(), true));
        broker.introductions().partnerships().forEach(row -> lines.add(new IntroductionLine(
                words.get("part.partnership"), words.name(row.name(), row.nameEn()), row.partnershipId(),
                row.figures(), false)));
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
     * @param total    whether it is a line of the total, whose programme reads Totalt (Total)
     */
    record FundingLine(String programme, String programmeName, Integer year, Long lines, Funding.Sums sek,
                       Funding.Sums original, boolean total) {
    }

    /** The funding rows, each in as many lines as it has currencies, and last the total in the same way. */
    List<FundingLine> fundingLines(Funding funding) {
        List<FundingLine> lines = new ArrayList<>();
        funding.rows().forEach(row -> addLines(lines, row, row.programme(),
                words.programme(row.programme(), row.programmeName()), false));
        addLines(lines, funding.total(), total(), null, true);
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

    List<Figure> keyFigures(AnnualReport report) {
        AnnualReport.KeyFigures figures = report.keyFigures();
        return List.of(
                new Figure(words.get("figure.projects-running"), Column.Kind.COUNT, figures.projectsRunning()),
                new Figure(words.get("figure.projects-started"), Column.Kind.COUNT, figures.projectsStarted()),
                new Figure(words.get("figure.projects-ended"), Column.Kind.COUNT, figures.projectsEnded()),
                new Figure(words.get("figure.projects-ongoing"), Column.Kind.COUNT, figures.projectsOngoing()),
                new Figure(words.get("figure.active-partnerships"), Column.Kind.COUNT, figures.activePartnerships()),
                new Figure(words.get("figure.countries"), Column.Kind.COUNT, figures.countries()),
                new Figure(words.get("figure.organisations"), Column.Kind.COUNT, figures.organisations()),
                new Figure(words.get("figure.activities"), Column.Kind.COUNT, figures.activities()),
                new Figure(words.get("figure.participants"), Column.Kind.COUNT, figures.participants()),
                new Figure(words.get("figure.departments-without"), Column.Kind.COUNT, figures.departmentsWithout()),
                new Figure(words.get("figure.granted-sek"), Column.Kind.AMOUNT, figures.grantedSek()),
                new Figure(words.get("figure.paid-sek"), Column.Kind.AMOUNT, figures.paidSek()),
                new Figure(words.get("figure.average-score"), Column.Kind.DECIMAL, figures.averageScore()));
    }
}
