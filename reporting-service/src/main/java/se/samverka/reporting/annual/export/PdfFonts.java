package se.samverka.reporting.annual.export;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One document's fonts, Liberation Sans embedded, and what of a text they can show. Liberation covers the Latin,
 * Greek and Cyrillic scripts but no Chinese, Japanese, Korean, Arabic or the like: a name in such a script is shown
 * by its English name where the report has one, otherwise without the characters the font lacks, or as
 * {@value #UNSHOWABLE} where nothing readable is left. Each document gets fonts of its own, read from the font files'
 * bytes: OpenPDF does not promise that documents written at the same time can share one, and reading takes
 * milliseconds.
 */
final class PdfFonts {

    static final String UNSHOWABLE = "[text i annan skrift]";

    private static final String TRIMMED = " -–—,;:/·";

    private final BaseFont regular;
    private final BaseFont bold;

    private PdfFonts(BaseFont regular, BaseFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** @param regular and {@code bold}: TrueType font files */
    static PdfFonts of(byte[] regular, byte[] bold) {
        return new PdfFonts(font("LiberationSans-Regular.ttf", regular), font("LiberationSans-Bold.ttf", bold));
    }

    private static BaseFont font(String name, byte[] file) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, file, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + name, e);
        }
    }

    BaseFont regular() {
        return regular;
    }

    BaseFont bold() {
        return bold;
    }

    Font regular(float size) {
        return new Font(regular, size);
    }

    Font bold(float size) {
        return new Font(bold, size);
    }

    Font bold(float size, Color color) {
        return new Font(bold, size, Font.NORMAL, color);
    }

    /** The name, or the English one where the name has characters the font cannot show. */
    String name(String name, String nameEn) {
        if (name != null && showable(name)) {
            return name;
        }
        return nameEn != null && !nameEn.isBlank() ? shown(nameEn) : shown(name);
    }

    /** The text without the characters the font cannot show; any whitespace becomes a plain space. */
    String shown(String text) {
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
        return left.codePoints().anyMatch(Character::isLetterOrDigit) ? left : UNSHOWABLE;
    }

    private boolean showable(String text) {
        return text.codePoints().allMatch(codePoint -> Character.isWhitespace(codePoint) || canShow(codePoint));
    }

    private boolean canShow(int codePoint) {
        return regular.charExists(codePoint) && bold.charExists(codePoint);
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
}
