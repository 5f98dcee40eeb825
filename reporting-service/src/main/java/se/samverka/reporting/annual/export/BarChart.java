package se.samverka.reporting.annual.export;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.List;

/**
 * A horizontal bar chart drawn with OpenPDF's own graphics: a bar per value, its label before it and its value
 * written after it, so that the figures can be read without a scale.
 */
final class BarChart {

    private static final float FONT_SIZE = 8;
    private static final float ROW_HEIGHT = 15;
    private static final float BAR_HEIGHT = 10;
    private static final float GAP = 6;
    /** The labels take at most this share of the width, so that the bars keep room. */
    private static final float MAX_LABEL_SHARE = 0.42f;
    private static final Color BAR = new Color(0x2E, 0x6D, 0xA4);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final String ELLIPSIS = "…";

    /**
     * @param label what the bar stands for, already as the font can show it
     * @param value its length, against the longest bar
     * @param shown the value as written next to the bar
     */
    record Bar(String label, double value, String shown) {
    }

    private BarChart() {
    }

    /** The chart as an image to add to the document, {@code width} points wide. */
    static Image of(PdfContentByte canvas, PdfFonts fonts, float width, List<Bar> bars) {
        BaseFont font = fonts.regular();
        float labelWidth = Math.min(width * MAX_LABEL_SHARE,
                (float) bars.stream().mapToDouble(bar -> font.getWidthPoint(bar.label(), FONT_SIZE)).max().orElse(0));
        float valueWidth =
                (float) bars.stream().mapToDouble(bar -> font.getWidthPoint(bar.shown(), FONT_SIZE)).max().orElse(0);
        float barSpace = Math.max(width - labelWidth - valueWidth - 3 * GAP, 1);
        double longest = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        float height = bars.size() * ROW_HEIGHT;

        PdfTemplate chart = canvas.createTemplate(width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float bottom = height - (i + 1) * ROW_HEIGHT;
            float barLength = longest <= 0 ? 0 : (float) (bar.value() / longest * barSpace);
            float barStart = labelWidth + GAP;
            if (barLength > 0) {
                chart.setColorFill(BAR);
                chart.rectangle(barStart, bottom + (ROW_HEIGHT - BAR_HEIGHT) / 2, barLength, BAR_HEIGHT);
                chart.fill();
            }
            chart.beginText();
            chart.setColorFill(TEXT);
            chart.setFontAndSize(font, FONT_SIZE);
            float baseline = bottom + (ROW_HEIGHT - FONT_SIZE) / 2 + 1.5f;
            chart.showTextAligned(Element.ALIGN_RIGHT, fitted(font, bar.label(), labelWidth), labelWidth, baseline, 0);
            chart.showTextAligned(Element.ALIGN_LEFT, bar.shown(), barStart + barLength + GAP, baseline, 0);
            chart.endText();
        }
        Image image = Image.getInstance(chart);
        image.setAlignment(Image.LEFT);
        image.setSpacingAfter(4);
        return image;
    }

    /** The label, shortened with an ellipsis where it is wider than the room for it. */
    private static String fitted(BaseFont font, String label, float room) {
        if (font.getWidthPoint(label, FONT_SIZE) <= room) {
            return label;
        }
        String shortened = label;
        while (!shortened.isEmpty() && font.getWidthPoint(shortened + ELLIPSIS, FONT_SIZE) > room) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened.strip() + ELLIPSIS;
    }
}
