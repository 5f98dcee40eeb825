package se.samverka.reporting.annual.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import se.samverka.reporting.annual.AnnualReport;
import se.samverka.reporting.broker.Broker;
import se.samverka.reporting.broker.BrokerReport;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.funding.ExchangeRates;
import se.samverka.reporting.funding.Funding;
import se.samverka.reporting.partnerships.Partnerships;
import se.samverka.reporting.portfolio.Portfolio;
import se.samverka.reporting.priority.Priority;
import se.samverka.reporting.report.Count;
import se.samverka.reporting.report.Labels;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.report.Tally;

/**
 * The annual international report that the coordinator hands to the municipal council: A4, in Swedish, with the key
 * figures, bar charts, the projects, the funding, the departments' coverage, the twin cities, the priorities and the
 * international broker's results.
 *
 * <p>Text is set in Liberation Sans (from openpdf-fonts-extra), embedded, so that å, ä, ö and Cyrillic names show in
 * any reader. Liberation has no Chinese: see {@link PdfFonts} for how such names are shown.
 */
@Component
public class PdfExport {

    private static final String REGULAR_FONT = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD_FONT = "liberation/LiberationSans-Bold.ttf";

    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    private static final Color HEADER = new Color(0xDD, 0xE6, 0xF0);
    private static final Color LINE = new Color(0xBB, 0xBB, 0xBB);
    private static final float TEXT_SIZE = 9.5f;
    private static final float TABLE_SIZE = 8;
    private static final float SMALL_SIZE = 7.5f;
    /** Twin cities side by side: this many to a table, so that the columns stay readable. */
    private static final int TWIN_CITIES_ACROSS = 3;
    /** A twin city's column is as wide in a table of fewer, so that the tables line up. */
    private static final float TWIN_CITY_WIDTH = 2;
    private static final float LABEL_WIDTH = 1.4f;
    private static final String NONE = "–";
    /** A section heading's height with the space around it, in points. */
    private static final float HEADING_HEIGHT = 40;
    /** What to keep with a heading where the section's content may break across pages: its first lines. */
    private static final float FIRST_LINES = 70;

    private final byte[] regularFont;
    private final byte[] boldFont;

    public PdfExport() {
        this.regularFont = resource(REGULAR_FONT);
        this.boldFont = resource(BOLD_FONT);
    }

    public byte[] document(AnnualReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfFonts fonts = PdfFonts.of(regularFont, boldFont);
        String title = fonts.shown("Internationell årsrapport " + report.year() + " – " + report.municipality());
        Document document = new Document(PageSize.A4, 50, 50, 50, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PageFooter(fonts, title));
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("sv-SE"));
        document.addTitle(title);
        document.addAuthor(fonts.shown(report.municipality()));
        document.addCreator("Samverka");
        document.open();
        new Composition(document, writer, fonts, report).write(title);
        document.close();
        return out.toByteArray();
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfExport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The font " + path + " is not on the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + path, e);
        }
    }

    /** One report being written: its sections in order. */
    private static final class Composition {

        private final Document document;
        private final PdfWriter writer;
        private final PdfFonts fonts;
        private final AnnualReport report;

        Composition(Document document, PdfWriter writer, PdfFonts fonts, AnnualReport report) {
            this.document = document;
            this.writer = writer;
            this.fonts = fonts;
            this.report = report;
        }

        void write(String title) {
            Paragraph heading = new Paragraph(title, fonts.bold(18, ACCENT));
            heading.setSpacingAfter(6);
            document.add(heading);
            text(basis(report.freshness()));
            String selection = selection(report.filter());
            if (!selection.isEmpty()) {
                text("Urval: " + selection + ".");
            }
            keyFigures();
            charts();
            projects();
            funding();
            coverage();
            twinCities();
            priorities();
            broker();
        }

        /** What the figures are based on: the newest event they include, in Swedish time. */
        private static String basis(Freshness freshness) {
            if (freshness.lastEventTime() == null) {
                return "Underlaget innehåller ännu inga registrerade händelser.";
            }
            StringBuilder basis = new StringBuilder("Siffrorna bygger på de händelser som registrerats till och med ")
                    .append(Swedish.longTime(freshness.lastEventTime())).append(" (svensk tid).");
            if (freshness.asOf() != null) {
                basis.append(" Rapporten sammanställdes ").append(Swedish.longTime(freshness.asOf())).append('.');
            }
            if (freshness.lagEvents() != null && freshness.lagEvents() > 0) {
                basis.append(" Då väntade ").append(Swedish.count(freshness.lagEvents()))
                        .append(" nyare händelser på att läsas in; de ingår inte.");
            }
            return basis.toString();
        }

        private String selection(ReportFilter filter) {
            List<String> parts = new ArrayList<>();
            if (filter.department() != null) {
                parts.add("förvaltningen " + report.coverage().departments().stream()
                        .filter(department -> filter.department().equals(department.organisationId()))
                        .map(Coverage.Department::name).findFirst().orElse(filter.department()));
            }
            if (filter.strategy() != null) {
                parts.add("strategi " + filter.strategy());
            }
            if (filter.country() != null) {
                parts.add("samarbete med " + Names.country(filter.country()));
            }
            return String.join(", ", parts);
        }

        private void keyFigures() {
            PdfPTable table = table(new float[] {4, 1.4f}, 80);
            for (Tables.Figure figure : Tables.keyFigures(report)) {
                table.addCell(cell(figure.label(), fonts.regular(TEXT_SIZE), Element.ALIGN_LEFT));
                table.addCell(cell(shown(figure.kind(), figure.value()), fonts.bold(TEXT_SIZE), Element.ALIGN_RIGHT));
            }
            table.setKeepTogether(true);
            section("Nyckeltal", height(table));
            document.add(table);
        }

        private void charts() {
            Portfolio.Part projects = report.portfolio().projects();
            chart("Projekt per strategi", counts(projects, "strategy").stream()
                    .map(count -> new BarChart.Bar(Tally.NONE.equals(count.key()) ? "Utan strategi"
                            : fonts.shown(count.key() + (count.name() == null ? "" : " " + count.name())),
                            count.count(), Swedish.count(count.count())))
                    .toList());
            chart("Projekt per status", counts(projects, "status").stream()
                    .map(count -> new BarChart.Bar(Tally.NONE.equals(count.key()) ? "Utan status"
                            : fonts.shown(Labels.sv(count.key())), count.count(), Swedish.count(count.count())))
                    .toList());
            chart("Beviljat per finansieringsprogram (SEK)", grantedByProgramme().entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                    .map(programme -> new BarChart.Bar(fonts.shown(programme.getKey()),
                            programme.getValue().doubleValue(), Swedish.kronor(programme.getValue())))
                    .toList());
        }

        private static List<Count> counts(Portfolio.Part part, String dimension) {
            return part.by().getOrDefault(dimension, List.of());
        }

        /** Granted SEK per programme, by the programme's name, over the years the funding rows have. */
        private Map<String, BigDecimal> grantedByProgramme() {
            Map<String, BigDecimal> granted = new LinkedHashMap<>();
            for (Funding.Row row : report.funding().rows()) {
                String programme = row.programmeName() != null ? row.programmeName() : row.programme();
                granted.merge(programme, row.sek().granted(), BigDecimal::add);
            }
            return granted;
        }

        /** A section of its own for a chart, the heading kept on the chart's page. */
        private void chart(String title, List<BarChart.Bar> bars) {
            if (bars.isEmpty()) {
                section(title, FIRST_LINES);
                text("Inga uppgifter.");
                return;
            }
            Image chart = chart(bars);
            section(title, chart.getScaledHeight());
            document.add(chart);
        }

        private Image chart(List<BarChart.Bar> bars) {
            return BarChart.of(writer.getDirectContent(), fonts, width(), bars);
        }

        private void projects() {
            section("Årets projekt", FIRST_LINES);
            if (report.projects().isEmpty()) {
                text("Inga projekt pågick under året.");
                return;
            }
            PdfPTable table = table(new float[] {1.8f, 2.8f, 3, 1.2f, 2.6f, 1.7f}, 100);
            header(table, "Akronym", "Titel", "Ägare", "Status", "Period", "Beviljat (SEK)");
            for (AnnualReport.ProjectRow project : report.projects()) {
                small(table, project.acronym(), Element.ALIGN_LEFT);
                small(table, project.title(), Element.ALIGN_LEFT);
                small(table, project.owner(), Element.ALIGN_LEFT);
                small(table, Labels.sv(project.status()), Element.ALIGN_LEFT);
                small(table, period(project), Element.ALIGN_LEFT);
                small(table, Swedish.amount(project.grantedSek()), Element.ALIGN_RIGHT);
            }
            document.add(table);
            note("Beviljat avser projektens samtliga finansieringsrader, oavsett år; nyckeltalet Beviljat under året "
                    + "avser de rader som beslutades under året.");
        }

        private static String period(AnnualReport.ProjectRow project) {
            String from = project.from() == null ? "" : project.from().toString();
            String until = project.until() == null ? "" : project.until().toString();
            return from + " – " + until;
        }

        private void funding() {
            section("Finansiering", FIRST_LINES);
            text("Sökt, beviljat och utbetalt per finansieringsprogram, i kronor. En finansieringsrad räknas det år "
                    + "finansiären fattade beslut, eller så länge beslut saknas, det år den söktes.");
            Funding funding = report.funding();
            PdfPTable table = table(new float[] {3, 0.8f, 0.8f, 1.6f, 1.6f, 1.6f, 1.6f}, 100);
            header(table, "Program", "År", "Rader", "Sökt", "Beviljat", "Utbetalt", "Egen insats");
            for (Funding.Row row : funding.rows()) {
                fundingRow(table, row.programmeName() != null ? row.programmeName() : row.programme(),
                        row.year() == null ? "" : row.year().toString(), row, fonts.regular(SMALL_SIZE));
            }
            fundingRow(table, Tables.TOTAL, "", funding.total(), fonts.bold(SMALL_SIZE));
            document.add(table);
            currencies(funding);
        }

        private void fundingRow(PdfPTable table, String programme, String year, Funding.Row row, Font font) {
            table.addCell(cell(fonts.shown(programme), font, Element.ALIGN_LEFT));
            table.addCell(cell(year, font, Element.ALIGN_LEFT));
            table.addCell(cell(Swedish.count(row.lines()), font, Element.ALIGN_RIGHT));
            Funding.Sums sek = row.sek();
            for (BigDecimal amount : List.of(sek.applied(), sek.granted(), sek.paid(), sek.ownContribution())) {
                table.addCell(cell(Swedish.amount(amount), font, Element.ALIGN_RIGHT));
            }
        }

        /** The amounts given in other currencies, the rates they were converted at, and any they lacked. */
        private void currencies(Funding funding) {
            funding.total().original().stream()
                    .filter(sums -> !"SEK".equals(sums.currency()))
                    .forEach(sums -> note("Varav i " + sums.currency() + ": sökt " + Swedish.amount(sums.applied())
                            + ", beviljat " + Swedish.amount(sums.granted()) + ", utbetalt "
                            + Swedish.amount(sums.paid()) + " " + sums.currency() + "."));
            for (ExchangeRates.Rate rate : funding.rates()) {
                note("Omräknat till kronor: 1 " + rate.currency() + " = " + Swedish.plain(rate.sekPerUnit())
                        + " kr för " + rate.year() + (rate.rateYear() == rate.year() ? ""
                        : " (kursen för " + rate.rateYear() + ")") + ".");
            }
            for (Funding.MissingRate missing : funding.missingRates()) {
                note("Kurs saknas för " + missing.currency() + " " + missing.year()
                        + ": de beloppen ingår inte i kronorna ovan.");
            }
        }

        private void coverage() {
            section("Förvaltningarnas internationella dimension", FIRST_LINES);
            text("Varje förvaltning och kommunalt bolag ska ha en internationell dimension: ett öppet projekt eller "
                    + "ett aktivt partnerskap.");
            Coverage coverage = report.coverage();
            if (coverage.departments().isEmpty()) {
                text("Inga förvaltningar eller kommunala bolag är registrerade.");
                return;
            }
            PdfPTable table = table(new float[] {3.4f, 1.5f, 1, 1, 1.1f, 1.3f}, 100);
            header(table, "Förvaltning", "Typ", "Öppna projekt", "Pågående", "Aktiva partnerskap",
                    "Internationell dimension");
            for (Coverage.Department department : coverage.departments()) {
                boolean has = department.hasInternationalDimension();
                Font font = has ? fonts.regular(SMALL_SIZE) : fonts.bold(SMALL_SIZE);
                table.addCell(cell(fonts.shown(department.name()), font, Element.ALIGN_LEFT));
                table.addCell(cell(Labels.sv(department.type()), font, Element.ALIGN_LEFT));
                table.addCell(cell(Swedish.count(department.openProjects()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(Swedish.count(department.ongoingProjects()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(Swedish.count(department.partnerships().size()), font, Element.ALIGN_RIGHT));
                table.addCell(cell(has ? "Ja" : "Nej", font, Element.ALIGN_CENTER));
            }
            document.add(table);
            Paragraph without = new Paragraph("", fonts.regular(TEXT_SIZE));
            without.setSpacingBefore(4);
            if (coverage.without().isEmpty()) {
                without.add(new Chunk("Alla förvaltningar och kommunala bolag har en internationell dimension.",
                        fonts.bold(TEXT_SIZE)));
            } else {
                without.add(new Chunk("Saknar internationell dimension: ", fonts.bold(TEXT_SIZE)));
                without.add(new Chunk(fonts.shown(Swedish.joined(coverage.without().stream()
                        .map(Coverage.Department::name).toList())) + ".", fonts.regular(TEXT_SIZE)));
            }
            document.add(without);
        }

        private void twinCities() {
            List<Partnerships.Row> twinCities = report.twinCities().partnerships();
            if (twinCities.isEmpty()) {
                section("Vänorter", FIRST_LINES);
                text("Inga vänorter i urvalet.");
                return;
            }
            for (int first = 0; first < twinCities.size(); first += TWIN_CITIES_ACROSS) {
                List<Partnerships.Row> across =
                        twinCities.subList(first, Math.min(first + TWIN_CITIES_ACROSS, twinCities.size()));
                float[] widths = new float[across.size() + 1];
                widths[0] = LABEL_WIDTH;
                Arrays.fill(widths, 1, widths.length, TWIN_CITY_WIDTH);
                float full = LABEL_WIDTH + TWIN_CITY_WIDTH * TWIN_CITIES_ACROSS;
                PdfPTable table = table(widths, 100 * (LABEL_WIDTH + TWIN_CITY_WIDTH * across.size()) / full);
                table.addCell(headerCell(""));
                across.forEach(twinCity -> table.addCell(headerCell(twinCity.name())));
                twinCityRow(table, across, "Motpart", twinCity -> Swedish.joined(
                        Tables.counterparts(twinCity, report.municipality()).stream()
                                .map(party -> fonts.name(party.name(), party.nameEn())).toList()));
                twinCityRow(table, across, "Land", twinCity -> Swedish.joined(
                        Tables.counterparts(twinCity, report.municipality()).stream()
                                .map(party -> Names.country(party.country())).distinct().toList()));
                twinCityRow(table, across, "Status", twinCity -> Labels.sv(twinCity.status()));
                twinCityRow(table, across, "Projekt", twinCity -> Swedish.count(twinCity.projects().size()));
                twinCityRow(table, across, "Varav öppna", twinCity -> Swedish.count(twinCity.openProjects()));
                twinCityRow(table, across, "Aktiviteter", twinCity -> Swedish.count(twinCity.activities()));
                twinCityRow(table, across, "Deltagare", twinCity -> Swedish.count(twinCity.participants()));
                twinCityRow(table, across, "Senaste aktivitet", twinCity -> twinCity.lastActivity() == null ? NONE
                        : Swedish.date(twinCity.lastActivity()).toString());
                twinCityRow(table, across, "Avtal giltigt till", twinCity -> twinCity.agreementValidTo() == null
                        ? NONE : twinCity.agreementValidTo().toString());
                table.setSpacingAfter(6);
                table.setKeepTogether(true);
                if (first == 0) {
                    section("Vänorter", height(table));
                }
                document.add(table);
            }
        }

        private void twinCityRow(PdfPTable table, List<Partnerships.Row> twinCities, String label,
                                 Function<Partnerships.Row, String> value) {
            table.addCell(cell(label, fonts.bold(TABLE_SIZE), Element.ALIGN_LEFT));
            twinCities.forEach(twinCity -> table.addCell(
                    cell(fonts.shown(value.apply(twinCity)), fonts.regular(TABLE_SIZE), Element.ALIGN_LEFT)));
        }

        private void priorities() {
            section("Prioriteringar", FIRST_LINES);
            Priority priority = report.priority();
            String threshold = "Tröskel för prioritet: " + Swedish.plain(priority.threshold()) + " poäng.";
            if (priority.assessed() == 0) {
                text("Inget öppet projekt är bedömt ännu. " + threshold);
                return;
            }
            text("Öppna projekt med bedömning: " + Swedish.count(priority.assessed()) + ". Medelpoäng "
                    + Swedish.decimal(priority.average()) + ", median " + Swedish.decimal(priority.median()) + ". "
                    + threshold);
            List<BarChart.Bar> bands = priority.distribution().stream()
                    .sorted(Comparator.comparingInt(Priority.Band::from))
                    .map(band -> new BarChart.Bar(band(band), band.projects(), Swedish.count(band.projects())))
                    .toList();
            if (!bands.isEmpty()) {
                document.add(chart(bands));
            }
            Paragraph heading = new Paragraph("Projekt under tröskeln (" + priority.below().totalItems() + ")",
                    fonts.bold(TEXT_SIZE));
            heading.setSpacingBefore(4);
            heading.setSpacingAfter(4);
            document.add(heading);
            if (priority.below().items().isEmpty()) {
                text("Inga öppna projekt ligger under tröskeln.");
                return;
            }
            PdfPTable table = table(new float[] {3.2f, 2.4f, 1.5f, 0.8f, 3}, 100);
            header(table, "Projekt", "Ägare", "Status", "Poäng", "Ej uppfyllda kriterier");
            for (Priority.Below project : priority.below().items()) {
                small(table, project.title(), Element.ALIGN_LEFT);
                small(table, project.owner(), Element.ALIGN_LEFT);
                small(table, Labels.sv(project.status()), Element.ALIGN_LEFT);
                small(table, Swedish.decimal(project.score()), Element.ALIGN_RIGHT);
                small(table, Swedish.joined(project.unmet().stream().map(Labels::sv).toList()), Element.ALIGN_LEFT);
            }
            document.add(table);
        }

        /**
         * The international broker's year (S3): the introductions per sector and partnership and what they led to, the
         * interests stated, and the calls published. The broker's figures are the whole municipality's, whatever the
         * selection.
         */
        private void broker() {
            Broker broker = report.broker();
            section("Internationell mäklare (S3)", FIRST_LINES);
            text("Kommunen som internationell mäklare: introduktioner mellan lokala aktörer och kontakter i partnerskap, "
                    + "organisationer och projekt. En introduktion räknas det år den föreslogs, med allt den lett till "
                    + "sedan; sektorn är den organisation som angav intresset.");
            if (!selection(report.filter()).isEmpty()) {
                note("Urvalet gäller inte mäklarens siffror, som avser hela kommunen.");
            }
            Broker.Introductions introductions = broker.introductions();
            if (introductions.total().proposed() == 0) {
                text("Inga introduktioner föreslogs under året.");
            } else {
                PdfPTable sectors = introductionTable("Sektor");
                introductions.sectors().stream()
                        .filter(row -> BrokerReport.SECTORS.contains(row.sector()) || row.figures().proposed() > 0)
                        .forEach(row -> introductionRow(sectors, row.name(), row.figures(), fonts.regular(SMALL_SIZE)));
                introductionRow(sectors, Tables.TOTAL, introductions.total(), fonts.bold(SMALL_SIZE));
                document.add(sectors);
                if (introductions.partnerships().isEmpty()) {
                    note("Ingen av årets introduktioner gick genom ett partnerskap.");
                } else {
                    PdfPTable partnerships = introductionTable("Partnerskap");
                    introductions.partnerships().forEach(row -> introductionRow(partnerships,
                            fonts.name(row.name(), row.nameEn()), row.figures(), fonts.regular(SMALL_SIZE)));
                    partnerships.setSpacingBefore(6);
                    document.add(partnerships);
                }
            }
            Broker.Interests interests = broker.interests();
            Paragraph heading = new Paragraph("Intressen angivna under året: " + Swedish.count(interests.stated())
                    + ". Öppna vid årets slut (innevarande år: i dag): " + Swedish.count(interests.open()) + ".",
                    fonts.bold(TEXT_SIZE));
            heading.setSpacingBefore(6);
            heading.setSpacingAfter(4);
            document.add(heading);
            PdfPTable table = table(new float[] {1.6f, 2.4f, 1.4f, 1.4f}, 70);
            header(table, "Riktning", "Sektor", "Angivna", "Öppna");
            for (Broker.InterestRow row : interests.rows()) {
                small(table, row.directionName(), Element.ALIGN_LEFT);
                small(table, row.sectorName(), Element.ALIGN_LEFT);
                small(table, Swedish.count(row.stated()), Element.ALIGN_RIGHT);
                small(table, Swedish.count(row.open()), Element.ALIGN_RIGHT);
            }
            document.add(table);
            Broker.Calls calls = broker.calls();
            Paragraph published = new Paragraph("Utlysningar publicerade under året: " + Swedish.count(calls.published()),
                    fonts.bold(TEXT_SIZE));
            published.setSpacingBefore(6);
            published.setSpacingAfter(4);
            document.add(published);
            if (!calls.programmes().isEmpty()) {
                PdfPTable programmes = table(new float[] {4, 1.4f}, 60);
                header(programmes, "Program", "Utlysningar");
                for (Broker.ProgrammeRow row : calls.programmes()) {
                    small(programmes, row.name(), Element.ALIGN_LEFT);
                    small(programmes, Swedish.count(row.published()), Element.ALIGN_RIGHT);
                }
                document.add(programmes);
            }
        }

        private PdfPTable introductionTable(String first) {
            PdfPTable table = table(new float[] {3.2f, 1.2f, 1.2f, 1.1f, 1, 1.4f, 1.2f}, 100);
            header(table, first, "Föreslagna", "Accepterade", "Avböjda", "Möte", "Gemensam ansökan", "Blev projekt");
            return table;
        }

        private void introductionRow(PdfPTable table, String name, Broker.Figures figures, Font font) {
            table.addCell(cell(fonts.shown(name), font, Element.ALIGN_LEFT));
            for (long count : List.of(figures.proposed(), figures.accepted(), figures.declined(),
                    figures.outcomes().getOrDefault("MEETING", 0L),
                    figures.outcomes().getOrDefault("JOINT_APPLICATION", 0L), figures.projects())) {
                table.addCell(cell(Swedish.count(count), font, Element.ALIGN_RIGHT));
            }
        }

        /** 0 till under 20; the last band includes its upper bound: 80–100. */
        private static String band(Priority.Band band) {
            return band.to() >= 100 ? band.from() + "–" + band.to() : band.from() + " till under " + band.to();
        }

        private String shown(Column.Kind kind, Object value) {
            if (value == null) {
                return NONE;
            }
            return switch (kind) {
                case COUNT -> Swedish.count(((Number) value).longValue());
                case AMOUNT -> Swedish.amount((BigDecimal) value);
                case DECIMAL -> Swedish.decimal((Number) value);
                case TEXT, DATE -> fonts.shown(value.toString());
                case TIME -> Swedish.shortTime((Instant) value);
            };
        }

        /**
         * A section's heading, on a new page where what should follow it would not fit below it: a heading alone
         * at the foot of a page reads badly.
         *
         * @param following the height, in points, to keep on the same page as the heading
         */
        private void section(String title, float following) {
            if (writer.getVerticalPosition(true) - document.bottom() < HEADING_HEIGHT + following) {
                document.newPage();
            }
            Paragraph heading = new Paragraph(title, fonts.bold(13, ACCENT));
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(6);
            document.add(heading);
        }

        /** The table's height once laid out at its width on the page. */
        private float height(PdfPTable table) {
            table.setTotalWidth(width() * table.getWidthPercentage() / 100);
            table.setLockedWidth(true);
            return table.getTotalHeight();
        }

        private float width() {
            return document.right() - document.left();
        }

        private void text(String text) {
            Paragraph paragraph = new Paragraph(fonts.shown(text), fonts.regular(TEXT_SIZE));
            paragraph.setSpacingAfter(4);
            document.add(paragraph);
        }

        private void note(String text) {
            Paragraph paragraph = new Paragraph(fonts.shown(text), fonts.regular(SMALL_SIZE));
            paragraph.setSpacingBefore(2);
            document.add(paragraph);
        }

        private static PdfPTable table(float[] widths, float percent) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(percent);
            table.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.setSpacingBefore(2);
            return table;
        }

        private void header(PdfPTable table, String... headings) {
            for (String heading : headings) {
                table.addCell(headerCell(heading));
            }
            table.setHeaderRows(1);
        }

        private PdfPCell headerCell(String text) {
            PdfPCell cell = cell(fonts.shown(text), fonts.bold(TABLE_SIZE), Element.ALIGN_LEFT);
            cell.setBackgroundColor(HEADER);
            return cell;
        }

        private void small(PdfPTable table, String text, int alignment) {
            table.addCell(cell(fonts.shown(Objects.requireNonNullElse(text, "")), fonts.regular(SMALL_SIZE),
                    alignment));
        }

        private static PdfPCell cell(String text, Font font, int alignment) {
            PdfPCell cell = new PdfPCell(new Phrase(text, font));
            cell.setHorizontalAlignment(alignment);
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(LINE);
            cell.setBorderWidth(0.5f);
            cell.setPadding(3);
            return cell;
        }
    }
}
