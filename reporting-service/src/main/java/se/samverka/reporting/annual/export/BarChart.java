package se.samverka.reporting.annual.export;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.render.AbstractOutputDevice;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Shape;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A horizontal bar chart drawn into the PDF as vectors, its text in the document's embedded font: a bar per value,
 * its label before it and its value written after it, so that the figures can be read without a scale. The renderer
 * lays the chart out as a replaced element, which PDF/UA tags as a Figure; its {@code alt} says the same in words.
 */
final class BarChart implements FSObjectDrawer {

    /** The element's {@code type} that this chart draws. */
    static final String TYPE = "application/x-samverka-bar-chart";
    /** A row's height, in points, and so the chart's height: as many rows as bars. */
    static final float ROW_HEIGHT = 15;

    private static final float FONT_SIZE = 8;
    private static final float BAR_HEIGHT = 10;
    private static final float GAP = 6;
    /** The labels take at most this share of the width, so that the bars keep room. */
    private static final float MAX_LABEL_SHARE = 0.42f;
    private static final FSRGBColor BAR = new FSRGBColor(0x2E, 0x6D, 0xA4);
    private static final FSRGBColor TEXT = new FSRGBColor(0x22, 0x22, 0x22);
    private static final String ELLIPSIS = "…";
    private static final float POINTS_PER_INCH = 72;
    private static final float PIXELS_PER_INCH = 96;

    /**
     * @param label what the bar stands for, already as the font can show it
     * @param value its length, against the longest bar
     * @param shown the value as written next to the bar
     */
    record Bar(String label, double value, String shown) {
    }

    private final List<Bar> bars;

    BarChart(List<Bar> bars) {
        this.bars = List.copyOf(bars);
    }

    /** The chart's height in points, for the element's style. */
    static float height(List<Bar> bars) {
        return bars.size() * ROW_HEIGHT;
    }

    /** Draws in the renderer's units (dots), from the top left corner {@code x}, {@code y} of the element's box. */
    @Override
    public Map<Shape, String> drawObject(Element element, double x, double y, double width, double height,
                                         OutputDevice device, RenderingContext context, int dotsPerPixel) {
        float dotsPerPoint = dotsPerPixel * PIXELS_PER_INCH / POINTS_PER_INCH;
        FontSpecification specification = font(FONT_SIZE * dotsPerPoint);
        FSFont font = context.getFont(specification);
        TextRenderer text = context.getTextRenderer();
        if (device instanceof AbstractOutputDevice abstractDevice) {
            // The device makes text bold by stroking it when the specification it was last given (the text drawn
            // before the chart, a heading) asks for more weight than the font has.
            abstractDevice.setFontSpecification(specification);
        }
        device.setFont(font);

        float gap = GAP * dotsPerPoint;
        float row = ROW_HEIGHT * dotsPerPoint;
        float labelWidth = (float) Math.min(width * MAX_LABEL_SHARE,
                bars.stream().mapToInt(bar -> text.getWidth(context.getFontContext(), font, bar.label())).max()
                        .orElse(0));
        float valueWidth = bars.stream().mapToInt(bar -> text.getWidth(context.getFontContext(), font, bar.shown()))
                .max().orElse(0);
        float barSpace = Math.max((float) width - labelWidth - valueWidth - 3 * gap, 1);
        double longest = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        float barStart = (float) x + labelWidth + gap;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float top = (float) y + i * row;
            float barLength = longest <= 0 ? 0 : (float) (bar.value() / longest * barSpace);
            if (barLength > 0) {
                device.setColor(BAR);
                device.fillRect(Math.round(barStart), Math.round(top + (row - BAR_HEIGHT * dotsPerPoint) / 2),
                        Math.round(barLength), Math.round(BAR_HEIGHT * dotsPerPoint));
            }
            device.setColor(TEXT);
            float baseline = top + (row + FONT_SIZE * dotsPerPoint) / 2 - 1.5f * dotsPerPoint;
            String label = fitted(text, context, font, bar.label(), labelWidth);
            text.drawString(device, label, (float) x + labelWidth - text.getWidth(context.getFontContext(), font, label),
                    baseline);
            text.drawString(device, bar.shown(), barStart + barLength + gap, baseline);
        }
        return null;
    }

    private static FontSpecification font(float size) {
        FontSpecification specification = new FontSpecification();
        specification.families = new String[] {PdfFonts.FAMILY};
        specification.size = size;
        specification.fontWeight = IdentValue.FONT_WEIGHT_400;
        specification.fontStyle = IdentValue.NORMAL;
        specification.variant = IdentValue.NORMAL;
        return specification;
    }

    /** The label, shortened with an ellipsis where it is wider than the room for it. */
    private static String fitted(TextRenderer text, RenderingContext context, FSFont font, String label, float room) {
        if (text.getWidth(context.getFontContext(), font, label) <= room) {
            return label;
        }
        String shortened = label;
        while (!shortened.isEmpty()
                && text.getWidth(context.getFontContext(), font, shortened + ELLIPSIS) > room) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened.strip() + ELLIPSIS;
    }
}
