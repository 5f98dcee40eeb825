package se.samverka.reporting.annual.export;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * The report's title and "Sida 3 av 7" at the foot of every page. The number of pages is known only when the
 * document closes, so each page refers to one template that is written then.
 */
final class PageFooter extends PdfPageEventHelper {

    private static final float FONT_SIZE = 8;
    /** Below the page's text, within its bottom margin. */
    private static final float BELOW_TEXT = 24;
    /** Room for the number of pages: three digits. */
    private static final float TOTAL_WIDTH = 16;
    private static final Color GREY = new Color(0x66, 0x66, 0x66);

    private final PdfFonts fonts;
    private final String title;
    private PdfTemplate total;

    PageFooter(PdfFonts fonts, String title) {
        this.fonts = fonts;
        this.title = title;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, FONT_SIZE + 4);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        float y = document.bottom() - BELOW_TEXT;
        String page = "Sida " + writer.getPageNumber() + " av ";
        canvas.saveState();
        canvas.setColorStroke(GREY);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(document.left(), y + FONT_SIZE + 4);
        canvas.lineTo(document.right(), y + FONT_SIZE + 4);
        canvas.stroke();
        canvas.beginText();
        canvas.setColorFill(GREY);
        canvas.setFontAndSize(fonts.regular(), FONT_SIZE);
        canvas.showTextAligned(Element.ALIGN_LEFT, title, document.left(), y, 0);
        canvas.showTextAligned(Element.ALIGN_RIGHT, page, document.right() - TOTAL_WIDTH, y, 0);
        canvas.endText();
        canvas.addTemplate(total, document.right() - TOTAL_WIDTH, y);
        canvas.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setColorFill(GREY);
        total.setFontAndSize(fonts.regular(), FONT_SIZE);
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
