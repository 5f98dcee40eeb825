package se.samverka.reporting.annual.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The PDF's fonts, Liberation Sans regular and bold (from openpdf-fonts-extra), embedded, and what of a text they can
 * show. Liberation covers the Latin, Greek and Cyrillic scripts but no Chinese, Japanese, Korean, Arabic or the like:
 * a name in such a script is shown by its English name where the report has one, otherwise without the characters the
 * fonts lack, or as a placeholder where nothing readable is left. A character no font has would be drawn as the
 * empty glyph, which PDF/UA forbids, so no such character reaches the document. Read once: the coverage is fixed, and
 * each document loads the font files' bytes itself.
 */
final class PdfFonts {

    static final String FAMILY = "Liberation Sans";

    private static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "liberation/LiberationSans-Bold.ttf";
    private static final String TRIMMED = " -–—,;:/·";
    /** Liberation has nothing beyond the Basic Multilingual Plane. */
    private static final int LAST_CHECKED = 0xFFFF;

    private final byte[] regular;
    private final byte[] bold;
    /** The characters both fonts have. */
    private final BitSet showable;

    private PdfFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
        this.showable = covered(regular);
        showable.and(covered(bold));
    }

    static PdfFonts liberation() {
        return of(resource(REGULAR), resource(BOLD));
    }

    /** @param regular and {@code bold}: TrueType font files */
    static PdfFonts of(byte[] regular, byte[] bold) {
        return new PdfFonts(regular, bold);
    }

    /** Gives the renderer both fonts as the family {@value #FAMILY}, subset, so that only the glyphs used are embedded. */
    void addTo(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    /** The name, or the English one where the name has characters the fonts cannot show. */
    String name(String name, String nameEn, String unshowable) {
        if (name != null && showable(name)) {
            return name;
        }
        return nameEn != null && !nameEn.isBlank() ? shown(nameEn, unshowable) : shown(name, unshowable);
    }

    /** The text without the characters the fonts cannot show; any whitespace becomes a plain space. */
    String shown(String text, String unshowable) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        boolean dropped = false;
        for (int codePoint : text.codePoints().toArray()) {
            if (Character.isWhitespace(codePoint)) {
                kept.append(' ');
            } else if (canShow(codePoint)) {
                kept.appendCodePoint(codePoint);
            } else {
                dropped = true;
            }
        }
        if (!dropped) {
            return kept.toString();
        }
        String left = tidy(kept.toString());
        return left.codePoints().anyMatch(Character::isLetterOrDigit) ? left : unshowable;
    }

    boolean showable(String text) {
        return text.codePoints().allMatch(codePoint -> Character.isWhitespace(codePoint) || canShow(codePoint));
    }

    private boolean canShow(int codePoint) {
        return codePoint <= LAST_CHECKED && showable.get(codePoint);
    }

    private static BitSet covered(byte[] file) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file))) {
            CmapLookup characters = font.getUnicodeCmapLookup();
            BitSet covered = new BitSet(LAST_CHECKED + 1);
            for (int codePoint = 0; codePoint <= LAST_CHECKED; codePoint++) {
                if (characters.getGlyphId(codePoint) > 0) {
                    covered.set(codePoint);
                }
            }
            return covered;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a font's characters", e);
        }
    }

    /** What is left where characters were taken out: no empty brackets, doubled spaces or dangling dashes. */
    private static String tidy(String text) {
        String tidied = text.replace("()", "").replace("[]", "").replaceAll(" {2,}", " ");
        int start = 0;
        int end = tidied.length();
        while (start < end && TRIMMED.indexOf(tidied.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIMMED.indexOf(tidied.charAt(end - 1)) >= 0) {
            end--;
        }
        return tidied.substring(start, end);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The font " + path + " is not on the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + path, e);
        }
    }
}
