package se.samverka.reporting.annual.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfExportTest {

    private static final PdfExport EXPORT = new PdfExport(AnnualReportFixture.names());
    private static final String TITLE = "Internationell årsrapport 2026 – Östersunds kommun";
    private static final String UNSHOWABLE = "[text i annan skrift]";

    private static byte[] swedish;
    private static int pages;
    private static PDRectangle pageSize;
    private static String text;
    private static List<String> pageTexts;
    private static List<PDFont> fonts;
    private static TaggedPdf tagged;
    private static byte[] english;
    private static String englishText;

    @BeforeAll
    static void readBack() throws IOException {
        swedish = EXPORT.document(AnnualReportFixture.ostersund2026(), Language.SV);
        tagged = TaggedPdf.read(swedish);
        english = EXPORT.document(AnnualReportFixture.ostersund2026(), Language.EN);
        try (PDDocument document = Loader.loadPDF(english)) {
            englishText = text(document, 1, document.getNumberOfPages());
        }
        try (PDDocument document = Loader.loadPDF(swedish)) {
            pages = document.getNumberOfPages();
            pageSize = document.getPage(0).getMediaBox();
            text = text(document, 1, pages);
            pageTexts = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                pageTexts.add(text(document, page, page));
            }
            fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
        }
    }

    @Test
    void isA4WithNumberedPages() {
        assertThat(pages).isGreaterThanOrEqualTo(1);
        assertThat(pageSize.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.5f));
        assertThat(pageSize.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(0.5f));
        assertThat(pageTexts.get(0)).contains("Sida 1 av " + pages);
        assertThat(pageTexts.get(pages - 1)).contains("Sida " + pages + " av " + pages);
    }

    @Test
    void startsWithTheTitleAndWhatTheFiguresAreBasedOn() {
        String basis = "Siffrorna bygger på de händelser som registrerats till och med 1 mars 2026 kl. 14.05 "
                + "(svensk tid).";
        assertThat(pageTexts.get(0)).contains(TITLE + " " + basis);
        assertThat(pageTexts.get(0).indexOf(TITLE)).isLessThan(pageTexts.get(0).indexOf("Nyckeltal"));
    }

    @Test
    void listsTheKeyFigures() {
        assertThat(text).contains("Projekt under året 5")
                .contains("Aktiva partnerskap 4")
                .contains("Deltagare i aktiviteterna 230")
                .contains("Förvaltningar och bolag utan internationell dimension 1")
                .contains("Beviljat under året (SEK) 2 990 000,50")
                .contains("Utbetalt på årets finansieringsrader (SEK) 1 040 000,25")
                .contains("Genomsnittlig bedömningspoäng, öppna projekt 63,8");
    }

    @Test
    void chartsWriteTheirValuesNextToTheBars() {
        assertThat(text).contains("S1 Ökad attraktionskraft och hållbar tillväxt 2")
                .contains("Utan strategi 1")
                .contains("Pågående 2")
                .contains("Interreg Aurora 1 250 000 kr")
                .contains("Erasmus+ 990 000 kr")
                .contains("40 till under 60 1");
    }

    @Test
    void hasTheProjectsAndTheFundingWithItsTotal() {
        assertThat(text).contains("ARCTIC Arktiskt samarbete för hållbar turism")
                .contains("1 250 000,50")
                .contains("Totalt 6 4 300 000,00 2 990 000,50 1 040 000,25 460 000,00")
                .contains("Omräknat till kronor: 1 EUR = 11,00 kr för 2026 (kursen för 2025).")
                .contains("Kurs saknas för DKK 2026");
    }

    @Test
    void namesTheDepartmentsWithoutAnInternationalDimension() {
        assertThat(text).contains("Saknar internationell dimension: " + AnnualReportFixture.DEPARTMENT_WITHOUT + ".");
    }

    @Test
    void showsCyrillicNamesAsTheyAre() {
        assertThat(text).contains(AnnualReportFixture.SELENGE);
    }

    @Test
    void showsAChineseNamedPartyByItsEnglishName() {
        assertThat(text).contains("Motpart " + AnnualReportFixture.JILIN_EN);
        assertThat(text).doesNotContain(AnnualReportFixture.JILIN);
        assertThat(text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("no character the font cannot show").isEmpty();
        assertThat(text).as("a title keeps what the font can show").contains("Skolutbyte Östersund ");
    }

    @Test
    void setsTheTwinCitiesSideBySide() {
        assertThat(text).contains("Vänort Jilinprovinsen Vänort Kajaani Vänort Odense")
                .contains("Land Kina Finland Danmark")
                .contains("Status Aktivt Aktivt Inaktivt")
                .contains("Vänort Sanok");
    }

    @Test
    void reportsThePriorities() {
        assertThat(text).contains("Öppna projekt med bedömning: 3. Medelpoäng 63,8, median 64,0. "
                        + "Tröskel för prioritet: 50 poäng.")
                .contains("Projekt under tröskeln (1)")
                .contains("Skolutbyte Östersund")
                .contains("45,0");
    }

    @Test
    void endsWithTheBrokersYearPerSectorAndPartnership() {
        assertThat(text).contains("Internationell mäklare (S3)")
                .contains("Sektor Föreslagna Accepterade Avböjda Möte Gemensam ansökan Blev projekt")
                .contains("Offentlig sektor 1 1 0 1 0 0")
                .contains("Näringsliv 3 2 1 1 1 1")
                .contains("Idéburen sektor 2 1 0 1 1 1")
                .contains("Totalt 6 4 1 3 2 2")
                .contains("Vänort Kajaani 2 2 0 2 1 1")
                .contains("Intressen angivna under året: 7. Öppna vid årets slut (innevarande år: i dag): 9.")
                .contains("Erbjuder Näringsliv 3 4")
                .contains("Söker Idéburen sektor 1 1")
                .contains("Utlysningar publicerade under året: 3")
                .contains("Interreg Aurora 2");
        assertThat(text.indexOf("Internationell mäklare (S3)")).as("after the priorities")
                .isGreaterThan(text.indexOf("Projekt under tröskeln"));
    }

    @Test
    void embedsEveryFontItUses() {
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).contains("LiberationSans");
        });
    }

    @Test
    void emptyYearStillGivesAReport() throws IOException {
        try (PDDocument document = Loader.loadPDF(EXPORT.document(AnnualReportFixture.empty(), Language.SV))) {
            String empty = text(document, 1, document.getNumberOfPages());
            assertThat(empty).contains("Underlaget innehåller ännu inga registrerade händelser.")
                    .contains("Inga projekt pågick under året.")
                    .contains("Inga vänorter i urvalet.")
                    .contains("Inget öppet projekt är bedömt ännu.")
                    .contains("Inga introduktioner föreslogs under året.")
                    .contains("Utlysningar publicerade under året: 0");
        }
    }

    @Test
    void fallsBackToTheEnglishNameOrWhatTheFontCanShow() throws IOException {
        PdfFonts liberation = PdfFonts.of(font("liberation/LiberationSans-Regular.ttf"),
                font("liberation/LiberationSans-Bold.ttf"));

        assertThat(liberation.name(AnnualReportFixture.SELENGE, "Selenge Aimag", UNSHOWABLE))
                .isEqualTo(AnnualReportFixture.SELENGE);
        assertThat(liberation.name(AnnualReportFixture.JILIN, AnnualReportFixture.JILIN_EN, UNSHOWABLE))
                .isEqualTo(AnnualReportFixture.JILIN_EN);
        assertThat(liberation.name(AnnualReportFixture.JILIN, null, UNSHOWABLE)).isEqualTo(UNSHOWABLE);
        assertThat(liberation.shown("Harbin (哈尔滨)", UNSHOWABLE)).isEqualTo("Harbin");
        assertThat(liberation.shown("Åre–Östersund\tÖverenskommelse", UNSHOWABLE))
                .isEqualTo("Åre–Östersund Överenskommelse");
    }

    @Test
    void isTaggedInSwedishWithItsTitleInTheTitleBar() {
        assertThat(tagged.marked()).as("MarkInfo Marked").isTrue();
        assertThat(tagged.language()).isEqualTo("sv");
        assertThat(tagged.title()).isEqualTo(TITLE);
        assertThat(tagged.showsTitle()).as("ViewerPreferences DisplayDocTitle").isTrue();
        assertThat(tagged.tags()).as("a structure tree").isNotEmpty();
    }

    @Test
    void headingsGoFromTheTitleDownWithoutSkippingALevel() {
        List<Integer> levels = tagged.tags().stream().map(TaggedPdf.Tag::type).filter(type -> type.matches("H[1-6]"))
                .map(type -> Integer.parseInt(type.substring(1))).toList();

        assertThat(levels.get(0)).as("the title first").isEqualTo(1);
        assertThat(levels.stream().filter(level -> level == 1)).as("one title").hasSize(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d after H%d", i, levels.get(i - 1))
                    .isBetween(2, levels.get(i - 1) + 1);
        }
        assertThat(levels).contains(2, 3);
    }

    @Test
    void tablesHaveHeaderCellsThatSayWhatTheyHead() {
        assertThat(tagged.tagged("Table")).as("key figures, projects, funding, departments, twin cities, priorities, "
                + "the broker's sectors, partnerships, interests and calls").hasSize(11);
        List<TaggedPdf.Tag> headers = tagged.tagged("TH");
        assertThat(headers).isNotEmpty().allSatisfy(header -> assertThat(header.scope()).isIn("Column", "Row"));
        assertThat(headers).extracting(TaggedPdf.Tag::scope).contains("Column", "Row");
        assertThat(tagged.tagged("TD")).isNotEmpty();
    }

    @Test
    void everyChartIsAFigureWhoseAlternativeTextGivesItsFigures() {
        List<String> alts = tagged.tagged("Figure").stream().map(TaggedPdf.Tag::alt).toList();

        assertThat(alts).as("strategies, statuses, programmes and the scores' spread").hasSize(4)
                .allSatisfy(alt -> assertThat(alt).startsWith("Stapeldiagram, "));
        assertThat(alts).contains("Stapeldiagram, Projekt per status: Pågående: 2; Beviljat: 1; Avslutat: 1; Idé: 1.")
                .anySatisfy(alt -> assertThat(alt.replace('\u00A0', ' '))
                        .contains("Interreg Aurora: 1 250 000 kr; Erasmus+: 990 000 kr"));
    }

    @Test
    void conformsToPdfUa() throws Exception {
        assertThat(TaggedPdf.pdfUaFailures(swedish)).as("veraPDF, PDF/UA-1").isEmpty();
    }

    @Test
    void inEnglishEveryWordNumberAndTheLanguageAreEnglish() throws IOException {
        TaggedPdf englishTags = TaggedPdf.read(english);

        assertThat(englishTags.language()).isEqualTo("en");
        assertThat(englishTags.title()).isEqualTo("International annual report 2026 – Östersunds kommun");
        assertThat(englishText).contains("The figures are based on the events recorded up to 1 March 2026 at 14:05 "
                        + "(Swedish time).")
                .contains("Key figures", "Projects in the year 5", "Granted in the year (SEK) 2,990,000.50",
                        "Mean assessment score, open projects 63.8")
                .contains("S1 Increased attractiveness and sustainable growth 2", "Ongoing 2", "SEK 1,250,000")
                .contains("Counterpart " + AnnualReportFixture.JILIN_EN, "Country China Finland Denmark",
                        "Status Active Active Dormant")
                .contains("Projects below the threshold (1)", "Clear results")
                .contains("International broker (S3)", "Business 3 2 1 1 1 1", "Calls published in the year: 3")
                .contains("Page 1 of ")
                .doesNotContain("Nyckeltal", "Pågående", "Sida ");
        assertThat(englishTags.tagged("Figure")).extracting(TaggedPdf.Tag::alt)
                .contains("Bar chart, Projects by status: Ongoing: 2; Approved: 1; Closed: 1; Idea: 1.");
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }

    private static byte[] font(String path) throws IOException {
        try (InputStream in = PdfExportTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
