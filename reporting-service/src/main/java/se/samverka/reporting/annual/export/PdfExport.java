package se.samverka.reporting.annual.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
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
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.report.Tally;

/**
 * The annual international report that the coordinator hands to the municipal council: A4, in Swedish or English,
 * with the key figures, bar charts, the projects, the funding, the departments' coverage, the twin cities, the
 * priorities and the international broker's results, and the title and "Sida 3 av 7" at the foot of every page.
 *
 * <p>The report is written as HTML and laid out by openhtmltopdf as a tagged PDF that conforms to PDF/UA-1 (ADR 0033):
 * headings H1 to H3 in order, tables whose header cells say whether they head a column or a row, the reading order
 * of the text, the document's language and title, every chart a Figure whose alternative text gives its figures, and
 * the page footers artifacts that a screen reader passes over. Text is set in Liberation Sans, embedded (see
 * {@link PdfFonts}).
 */
@Component
public class PdfExport {

    private static final String STYLESHEET = "annual-report.css";
    private static final String NONE = "–";
    /** Twin cities side by side: this many to a table, so that the columns stay readable. */
    private static final int TWIN_CITIES_ACROSS = 3;
    /** A twin city's column is as wide in a table of fewer, so that the tables line up. */
    private static final float TWIN_CITY_WIDTH = 2;
    private static final float LABEL_WIDTH = 1.4f;

    private final Names names;
    private final PdfFonts fonts;
    private final String stylesheet;

    public PdfExport(Names names) {
        this.names = names;
        this.fonts = PdfFonts.liberation();
        this.stylesheet = resource(STYLESHEET);
        XRLog.setLoggerImpl(new PdfLog());
    }

    public byte[] document(AnnualReport report, Language language) {
        Words words = new Words(language, names);
        BarCharts charts = new BarCharts();
        Html html = new Composition(words, fonts, charts, report).write(stylesheet);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Samverka");
        fonts.addTo(builder);
        builder.useObjectDrawerFactory(charts);
        builder.withW3cDocument(html.document(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF", e);
        }
        return out.toByteArray();
    }

    private static String resource(String path) {
        try (InputStream in = PdfExport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }

    /** One report being written: its sections in order, as the reading order has them. */
    private static final class Composition {

        private final Words words;
        private final PdfFonts fonts;
        private final BarCharts charts;
        private final AnnualReport report;
        private final Tables tables;
        private final Html html;
        private final Element body;

        Composition(Words words, PdfFonts fonts, BarCharts charts, AnnualReport report) {
            this.words = words;
            this.fonts = fonts;
            this.charts = charts;
            this.report = report;
            this.tables = new Tables(words);
            this.html = new Html(words.language().code());
            this.body = html.body();
        }

        Html write(String stylesheet) {
            String title = shown(words.get("report.title", String.valueOf(report.year()), report.municipality()));
            head(title, stylesheet);
            footer(title);
            html.add(body, "h1", title);
            text(body, basis(report.freshness()));
            String selection = selection(report.filter());
            if (!selection.isEmpty()) {
                text(body, words.get("report.selection", selection));
            }
            keyFigures();
            charts();
            projects();
            funding();
            coverage();
            twinCities();
            priorities();
            broker();
            return html;
        }

        /** The title a reader's title bar shows, who made the report and what it is about, and the stylesheet. */
        private void head(String title, String stylesheet) {
            Element head = html.head();
            html.add(head, "title", title);
            meta(head, "author", shown(report.municipality()));
            meta(head, "subject", words.get("report.subject"));
            html.add(head, "style", stylesheet);
        }

        private void meta(Element head, String name, String content) {
            Element meta = html.add(head, "meta");
            meta.setAttribute("name", name);
            meta.setAttribute("content", content);
        }

        /** The foot of every page, repeated by the renderer, which marks it as an artifact. */
        private void footer(String title) {
            Element footer = html.add(body, "div");
            footer.setAttribute("id", "footer");
            Element page = html.add(footer, "span", "", "page");
            page.setAttribute("data-page", words.get("footer.page"));
            page.setAttribute("data-of", words.get("footer.of"));
            html.text(footer, title);
        }

        /** What the figures are based on: the newest event they include, in Swedish time. */
        private String basis(Freshness freshness) {
            if (freshness.lastEventTime() == null) {
                return words.get("report.no-events");
            }
            StringBuilder basis = new StringBuilder(words.get("report.basis", words.longTime(freshness.lastEventTime())));
            if (freshness.asOf() != null) {
                basis.append(' ').append(words.get("report.compiled", words.longTime(freshness.asOf())));
            }
            if (freshness.lagEvents() != null && freshness.lagEvents() > 0) {
                basis.append(' ').append(words.get("report.lagging", words.count(freshness.lagEvents())));
            }
            return basis.toString();
        }

        private String selection(ReportFilter filter) {
            List<String> parts = new ArrayList<>();
            if (filter.department() != null) {
                parts.add(words.get("selection.department", report.coverage().departments().stream()
                        .filter(department -> filter.department().equals(department.organisationId()))
                        .map(Coverage.Department::name).findFirst().orElse(filter.department())));
            }
            if (filter.strategy() != null) {
                parts.add(words.get("selection.strategy", filter.strategy()));
            }
            if (filter.country() != null) {
                parts.add(words.get("selection.country", words.country(filter.country())));
            }
            return String.join(", ", parts);
        }

        private void keyFigures() {
            Element section = section("section.key-figures");
            Element table = html.add(section, "table");
            table.setAttribute("class", "key-figures");
            Element rows = html.add(table, "tbody");
            for (Tables.Figure figure : tables.keyFigures(report)) {
                Element row = html.add(rows, "tr");
                rowHeader(row, figure.label());
                html.add(row, "td", shown(figure.kind(), figure.value()), "number");
            }
        }

        private void charts() {
            Portfolio.Part projects = report.portfolio().projects();
            chart("chart.strategy", counts(projects, "strategy").stream()
                    .map(count -> new BarChart.Bar(Tally.NONE.equals(count.key()) ? words.get("chart.no-strategy")
                            : shown(strategy(count.key())), count.count(), words.count(count.count())))
                    .toList());
            chart("chart.status", counts(projects, "status").stream()
                    .map(count -> new BarChart.Bar(Tally.NONE.equals(count.key()) ? words.get("chart.no-status")
                            : shown(words.label(count.key())), count.count(), words.count(count.count())))
                    .toList());
            chart("chart.programme", grantedByProgramme().entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                    .map(programme -> new BarChart.Bar(shown(programme.getKey()),
                            programme.getValue().doubleValue(), words.kronor(programme.getValue())))
                    .toList());
        }

        /** S1 and its name: the code says which strategy, the name what it is. */
        private String strategy(String code) {
            String name = words.strategy(code);
            return code.equals(name) ? code : code + " " + name;
        }

        private static List<Count> counts(Portfolio.Part part, String dimension) {
            return part.by().getOrDefault(dimension, List.of());
        }

        /** Granted SEK per programme, by the programme's name, over the years the funding rows have. */
        private Map<String, BigDecimal> grantedByProgramme() {
            Map<String, BigDecimal> granted = new LinkedHashMap<>();
            for (Funding.Row row : report.funding().rows()) {
                granted.merge(words.programme(row.programme(), row.programmeName()), row.sek().granted(),
                        BigDecimal::add);
            }
            return granted;
        }

        /** A section of its own for a chart, kept on one page with its heading. */
        private void chart(String titleKey, List<BarChart.Bar> bars) {
            Element section = section(titleKey);
            section.setAttribute("class", "chart");
            if (bars.isEmpty()) {
                text(section, words.get("chart.none"));
                return;
            }
            figure(section, words.get(titleKey), bars);
        }

        /** The chart as a figure whose alternative text gives every bar's label and value. */
        private void figure(Element parent, String title, List<BarChart.Bar> bars) {
            Element chart = html.add(parent, "object");
            chart.setAttribute("type", BarChart.TYPE);
            chart.setAttribute(BarCharts.INDEX, String.valueOf(charts.add(bars)));
            chart.setAttribute("style", "height: " + BarChart.height(bars) + "pt");
            chart.setAttribute("alt", words.get("chart.alt", title, String.join("; ",
                    bars.stream().map(bar -> bar.label() + ": " + bar.shown()).toList())));
        }

        private void projects() {
            Element section = section("section.projects");
            if (report.projects().isEmpty()) {
                text(section, words.get("projects.none"));
                return;
            }
            Element table = table(section, List.of(
                    heading("column.acronym", 13), heading("column.title", 21), heading("column.owner", 22),
                    heading("column.status", 9), heading("column.period", 22), number("column.granted-sek", 13)));
            Element rows = html.add(table, "tbody");
            for (AnnualReport.ProjectRow project : report.projects()) {
                Element row = html.add(rows, "tr");
                cell(row, project.acronym());
                cell(row, project.title());
                cell(row, project.owner());
                cell(row, words.label(project.status()));
                cell(row, period(project));
                html.add(row, "td", words.amount(project.grantedSek()), "number");
            }
            note(section, words.get("projects.note"));
        }

        private static String period(AnnualReport.ProjectRow project) {
            String from = project.from() == null ? "" : project.from().toString();
            String until = project.until() == null ? "" : project.until().toString();
            return from + " – " + until;
        }

        private void funding() {
            Element section = section("section.funding");
            text(section, words.get("funding.intro"));
            Funding funding = report.funding();
            Element table = table(section, List.of(
                    heading("column.programme", 27), heading("column.year", 7), number("column.line-count", 7),
                    number("column.applied", 14.75f), number("column.granted", 14.75f), number("column.paid", 14.75f),
                    number("column.own-contribution", 14.75f)));
            Element rows = html.add(table, "tbody");
            for (Funding.Row row : funding.rows()) {
                fundingRow(rows, words.programme(row.programme(), row.programmeName()),
                        row.year() == null ? "" : row.year().toString(), row);
            }
            fundingRow(rows, tables.total(), "", funding.total()).setAttribute("class", "total");
            currencies(section, funding);
        }

        private Element fundingRow(Element rows, String programme, String year, Funding.Row row) {
            Element line = html.add(rows, "tr");
            cell(line, programme);
            cell(line, year);
            html.add(line, "td", words.count(row.lines()), "number");
            Funding.Sums sek = row.sek();
            for (BigDecimal amount : List.of(sek.applied(), sek.granted(), sek.paid(), sek.ownContribution())) {
                html.add(line, "td", words.amount(amount), "number");
            }
            return line;
        }

        /** The amounts given in other currencies, the rates they were converted at, and any they lacked. */
        private void currencies(Element section, Funding funding) {
            funding.total().original().stream()
                    .filter(sums -> !"SEK".equals(sums.currency()))
                    .forEach(sums -> note(section, words.get("funding.in-currency", sums.currency(),
                            words.amount(sums.applied()), words.amount(sums.granted()), words.amount(sums.paid()))));
            for (ExchangeRates.Rate rate : funding.rates()) {
                String rateYear = rate.rateYear() == rate.year() ? ""
                        : words.get("funding.rate-year", String.valueOf(rate.rateYear()));
                note(section, words.get("funding.rate", rate.currency(), words.plain(rate.sekPerUnit()),
                        String.valueOf(rate.year()), rateYear));
            }
            for (Funding.MissingRate missing : funding.missingRates()) {
                note(section, words.get("funding.missing-rate", missing.currency(), String.valueOf(missing.year())));
            }
        }

        private void coverage() {
            Element section = section("section.coverage");
            text(section, words.get("coverage.intro"));
            Coverage coverage = report.coverage();
            if (coverage.departments().isEmpty()) {
                text(section, words.get("coverage.none"));
                return;
            }
            Element table = table(section, List.of(
                    heading("column.department", 34), heading("column.type", 15), number("column.open-projects", 10),
                    number("column.ongoing", 10), number("column.active-partnerships", 13),
                    heading("column.international-dimension", 18)));
            Element rows = html.add(table, "tbody");
            for (Coverage.Department department : coverage.departments()) {
                Element row = html.add(rows, "tr");
                boolean has = department.hasInternationalDimension();
                if (!has) {
                    row.setAttribute("class", "total");
                }
                cell(row, department.name());
                cell(row, words.label(department.type()));
                html.add(row, "td", words.count(department.openProjects()), "number");
                html.add(row, "td", words.count(department.ongoingProjects()), "number");
                html.add(row, "td", words.count(department.partnerships().size()), "number");
                html.add(row, "td", words.yesOrNo(has), "centred");
            }
            Element without = html.add(section, "p");
            if (coverage.without().isEmpty()) {
                html.add(without, "strong", words.get("coverage.all"));
            } else {
                html.add(without, "strong", words.get("coverage.without") + " ");
                html.text(without, shown(Words.joined(coverage.without().stream()
                        .map(Coverage.Department::name).toList())) + ".");
            }
        }

        /** The heading kept on a page with the first table, which is not broken across pages. */
        private void twinCities() {
            Element section = html.add(body, "section");
            Element together = html.add(section, "div");
            together.setAttribute("class", "together");
            html.add(together, "h2", words.get("section.twin-cities"));
            List<Partnerships.Row> twinCities = report.twinCities().partnerships();
            if (twinCities.isEmpty()) {
                text(together, words.get("twin-cities.none"));
                return;
            }
            for (int first = 0; first < twinCities.size(); first += TWIN_CITIES_ACROSS) {
                twinCityTable(first == 0 ? together : section,
                        twinCities.subList(first, Math.min(first + TWIN_CITIES_ACROSS, twinCities.size())));
            }
        }

        /** Twin cities side by side: a column each under its name, a row per figure under the figure's name. */
        private void twinCityTable(Element parent, List<Partnerships.Row> across) {
            float full = LABEL_WIDTH + TWIN_CITY_WIDTH * TWIN_CITIES_ACROSS;
            float width = LABEL_WIDTH + TWIN_CITY_WIDTH * across.size();
            Element table = html.add(parent, "table");
            table.setAttribute("class", "twin-cities");
            table.setAttribute("style", "width: " + 100 * width / full + "%");
            Element header = html.add(html.add(table, "thead"), "tr");
            html.add(header, "td").setAttribute("style", "width: " + 100 * LABEL_WIDTH / width + "%");
            across.forEach(twinCity -> columnHeader(header, twinCity.name()));
            Element rows = html.add(table, "tbody");
            String municipality = report.municipality();
            twinCityRow(rows, across, "column.counterpart", twinCity -> Words.joined(
                    Tables.counterparts(twinCity, municipality).stream().map(party -> name(party.name(),
                            party.nameEn())).toList()));
            twinCityRow(rows, across, "column.country", twinCity -> Words.joined(
                    Tables.counterparts(twinCity, municipality).stream()
                            .map(party -> words.country(party.country())).distinct().toList()));
            twinCityRow(rows, across, "column.status", twinCity -> words.label(twinCity.status()));
            twinCityRow(rows, across, "column.projects", twinCity -> words.count(twinCity.projects().size()));
            twinCityRow(rows, across, "column.of-which-open", twinCity -> words.count(twinCity.openProjects()));
            twinCityRow(rows, across, "column.activities", twinCity -> words.count(twinCity.activities()));
            twinCityRow(rows, across, "column.participants", twinCity -> words.count(twinCity.participants()));
            twinCityRow(rows, across, "column.last-activity", twinCity -> twinCity.lastActivity() == null ? NONE
                    : Words.date(twinCity.lastActivity()).toString());
            twinCityRow(rows, across, "column.agreement-valid-until", twinCity ->
                    twinCity.agreementValidTo() == null ? NONE : twinCity.agreementValidTo().toString());
        }

        private void twinCityRow(Element rows, List<Partnerships.Row> twinCities, String labelKey,
                                 Function<Partnerships.Row, String> value) {
            Element row = html.add(rows, "tr");
            rowHeader(row, words.get(labelKey));
            twinCities.forEach(twinCity -> cell(row, value.apply(twinCity)));
        }

        private void priorities() {
            Element section = section("section.priorities");
            Priority priority = report.priority();
            String threshold = words.get("priorities.threshold", words.plain(priority.threshold()));
            if (priority.assessed() == 0) {
                text(section, words.get("priorities.none") + " " + threshold);
                return;
            }
            text(section, words.get("priorities.assessed", words.count(priority.assessed()),
                    words.decimal(priority.average()), words.decimal(priority.median())) + " " + threshold);
            List<BarChart.Bar> bands = priority.distribution().stream()
                    .sorted(Comparator.comparingInt(Priority.Band::from))
                    .map(band -> new BarChart.Bar(band(band), band.projects(), words.count(band.projects())))
                    .toList();
            if (!bands.isEmpty()) {
                figure(section, words.get("chart.bands"), bands);
            }
            html.add(section, "h3", words.get("priorities.below", words.count(priority.below().totalItems())));
            if (priority.below().items().isEmpty()) {
                text(section, words.get("priorities.none-below"));
                return;
            }
            Element table = table(section, List.of(heading("column.project", 32), heading("column.owner", 24),
                    heading("column.status", 15), number("column.score", 8), heading("column.unmet", 21)));
            Element rows = html.add(table, "tbody");
            for (Priority.Below project : priority.below().items()) {
                Element row = html.add(rows, "tr");
                cell(row, project.title());
                cell(row, project.owner());
                cell(row, words.label(project.status()));
                html.add(row, "td", words.decimal(project.score()), "number");
                cell(row, Words.joined(project.unmet().stream().map(words::label).toList()));
            }
        }

        /** 0 till under 20; the last band includes its upper bound: 80–100. */
        private String band(Priority.Band band) {
            return band.to() >= 100 ? words.get("band.last", String.valueOf(band.from()), String.valueOf(band.to()))
                    : words.get("band.below", String.valueOf(band.from()), String.valueOf(band.to()));
        }

        /**
         * The international broker's year (S3): the introductions per sector and partnership and what they led to, the
         * interests stated, and the calls published. The broker's figures are the whole municipality's, whatever the
         * selection.
         */
        private void broker() {
            Broker broker = report.broker();
            Element section = section("section.broker");
            text(section, words.get("broker.intro"));
            if (!selection(report.filter()).isEmpty()) {
                note(section, words.get("broker.whole-municipality"));
            }
            html.add(section, "h3", words.get("broker.introductions"));
            Broker.Introductions introductions = broker.introductions();
            if (introductions.total().proposed() == 0) {
                text(section, words.get("broker.no-introductions"));
            } else {
                Element sectors = introductionTable(section, "column.sector");
                introductions.sectors().stream()
                        .filter(row -> BrokerReport.SECTORS.contains(row.sector()) || row.figures().proposed() > 0)
                        .forEach(row -> introductionRow(sectors, words.name(row.name(), row.nameEn()), row.figures()));
                introductionRow(sectors, tables.total(), introductions.total()).setAttribute("class", "total");
                if (introductions.partnerships().isEmpty()) {
                    note(section, words.get("broker.no-partnerships"));
                } else {
                    Element partnerships = introductionTable(section, "column.partnership");
                    introductions.partnerships().forEach(row -> introductionRow(partnerships,
                            name(row.name(), row.nameEn()), row.figures()));
                }
            }
            Broker.Interests interests = broker.interests();
            html.add(section, "h3", words.get("broker.interests"));
            text(section, words.get("broker.interests-stated", words.count(interests.stated()),
                    words.count(interests.open())));
            Element interestTable = table(section, List.of(heading("column.direction", 23),
                    heading("column.sector", 33), number("column.stated", 22), number("column.open", 22)));
            interestTable.setAttribute("style", "width: 70%");
            Element interestRows = html.add(interestTable, "tbody");
            for (Broker.InterestRow row : interests.rows()) {
                Element line = html.add(interestRows, "tr");
                cell(line, words.name(row.directionName(), row.directionNameEn()));
                cell(line, words.name(row.sectorName(), row.sectorNameEn()));
                html.add(line, "td", words.count(row.stated()), "number");
                html.add(line, "td", words.count(row.open()), "number");
            }
            Broker.Calls calls = broker.calls();
            html.add(section, "h3", words.get("broker.calls"));
            text(section, words.get("broker.calls-published", words.count(calls.published())));
            if (!calls.programmes().isEmpty()) {
                Element programmes = table(section, List.of(heading("column.programme", 74),
                        number("column.calls", 26)));
                programmes.setAttribute("style", "width: 60%");
                Element rows = html.add(programmes, "tbody");
                for (Broker.ProgrammeRow row : calls.programmes()) {
                    Element line = html.add(rows, "tr");
                    cell(line, words.name(row.name(), row.nameEn()));
                    html.add(line, "td", words.count(row.published()), "number");
                }
            }
        }

        private Element introductionTable(Element section, String firstKey) {
            Element table = table(section, List.of(heading(firstKey, 32), number("column.proposed", 12),
                    number("column.accepted", 12), number("column.declined", 11), number("column.meeting", 10),
                    number("column.joint-application", 12), number("column.became-projects", 11)));
            return html.add(table, "tbody");
        }

        private Element introductionRow(Element rows, String name, Broker.Figures figures) {
            Element row = html.add(rows, "tr");
            cell(row, name);
            for (long count : List.of(figures.proposed(), figures.accepted(), figures.declined(),
                    figures.outcomes().getOrDefault("MEETING", 0L),
                    figures.outcomes().getOrDefault("JOINT_APPLICATION", 0L), figures.projects())) {
                html.add(row, "td", words.count(count), "number");
            }
            return row;
        }

        private String shown(Column.Kind kind, Object value) {
            if (value == null) {
                return NONE;
            }
            return switch (kind) {
                case COUNT -> words.count(((Number) value).longValue());
                case AMOUNT -> words.amount((BigDecimal) value);
                case DECIMAL -> words.decimal((Number) value);
                case TEXT, DATE -> shown(value.toString());
                case TIME -> Words.shortTime((Instant) value);
            };
        }

        /** A section under its H2 heading; the stylesheet keeps a heading with what follows it. */
        private Element section(String titleKey) {
            Element section = html.add(body, "section");
            html.add(section, "h2", words.get(titleKey));
            return section;
        }

        /** A column's heading and its share of the table's width, in percent. */
        private record Heading(String key, float width, boolean number) {
        }

        private static Heading heading(String key, float width) {
            return new Heading(key, width, false);
        }

        private static Heading number(String key, float width) {
            return new Heading(key, width, true);
        }

        /** A table the width of the page with a header row that is repeated where the table breaks across pages. */
        private Element table(Element parent, List<Heading> headings) {
            Element table = html.add(parent, "table");
            Element header = html.add(html.add(table, "thead"), "tr");
            for (Heading heading : headings) {
                Element cell = columnHeader(header, words.get(heading.key()));
                cell.setAttribute("style", "width: " + heading.width() + "%");
                if (heading.number()) {
                    cell.setAttribute("class", "number");
                }
            }
            return table;
        }

        private Element columnHeader(Element row, String text) {
            Element cell = html.add(row, "th", shown(text));
            cell.setAttribute("scope", "col");
            return cell;
        }

        private void rowHeader(Element row, String text) {
            html.add(row, "th", shown(text)).setAttribute("scope", "row");
        }

        private void cell(Element row, String text) {
            html.add(row, "td", shown(Objects.requireNonNullElse(text, "")));
        }

        private void text(Element parent, String text) {
            html.add(parent, "p", shown(text));
        }

        private void note(Element parent, String text) {
            html.add(parent, "p", shown(text), "note");
        }

        /** A name in the document's language where the report has one, as the fonts can show it. */
        private String name(String name, String nameEn) {
            String preferred = words.name(name, nameEn);
            return Objects.equals(preferred, nameEn) ? fonts.name(nameEn, name, words.get("unshowable"))
                    : fonts.name(name, nameEn, words.get("unshowable"));
        }

        private String shown(String text) {
            return fonts.shown(text, words.get("unshowable"));
        }
    }
}
