package se.samverka.reporting.annual.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfExportTest {

    private static final PdfExport EXPORT = new PdfExport();

    private static int pages;
    private static String text;
    private static List<String> pageTexts;
    private static List<PDFont> fonts;

    @BeforeAll
    static void readBack() throws IOException {
        try (PDDocument document = Loader.loadPDF(EXPORT.document(AnnualReportFixture.ostersund2026()))) {
            pages = document.getNumberOfPages();
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
        assertThat(pageTexts.get(0)).contains("Sida 1 av " + pages);
        assertThat(pageTexts.get(pages - 1)).contains("Sida " + pages + " av " + pages);
    }

    @Test
    void startsWithTheTitleAndWhatTheFiguresAreBasedOn() {
        String title = "Internationell årsrapport 2026 – Östersunds kommun";
        String basis = "Siffrorna bygger på de händelser som registrerats till och med 1 mars 2026 kl. 14.05 "
                + "(svensk tid).";
        assertThat(pageTexts.get(0)).contains(title + " " + basis);
        assertThat(pageTexts.get(0).indexOf(title)).isLessThan(pageTexts.get(0).indexOf("Nyckeltal"));
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
        try (PDDocument document = Loader.loadPDF(EXPORT.document(AnnualReportFixture.empty()))) {
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

        assertThat(liberation.name(AnnualReportFixture.SELENGE, "Selenge Aimag"))
                .isEqualTo(AnnualReportFixture.SELENGE);
        assertThat(liberation.name(AnnualReportFixture.JILIN, AnnualReportFixture.JILIN_EN))
                .isEqualTo(AnnualReportFixture.JILIN_EN);
        assertThat(liberation.name(AnnualReportFixture.JILIN, null)).isEqualTo(PdfFonts.UNSHOWABLE);
        assertThat(liberation.shown("Harbin (哈尔滨)")).isEqualTo("Harbin");
        assertThat(liberation.shown("Åre–Östersund\tÖverenskommelse")).isEqualTo("Åre–Östersund Överenskommelse");
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
