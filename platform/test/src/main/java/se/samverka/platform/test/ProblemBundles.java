package se.samverka.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a service's problem texts (the {@code problems.properties} bundles that its problem documents are written
 * from): every English text has a Swedish one, and every text comes out as written. Texts with arguments are
 * MessageFormat patterns, where a lone quote silently swallows what follows it; texts without arguments, and those
 * Bean Validation reads ({@code jakarta.*} and {@code validation.*}), are used as they are.
 */
public final class ProblemBundles {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private ProblemBundles() {
    }

    /** @param basename e.g. {@code problems}, for problems.properties and problems_sv.properties on the class path */
    public static void assertComplete(String basename) {
        Properties english = load(basename + ".properties");
        Properties swedish = load(basename + "_sv.properties");
        assertThat(swedish.stringPropertyNames()).as("the Swedish texts of %s", basename)
                .containsAll(english.stringPropertyNames());
        List<String> mistakes = new ArrayList<>();
        check(english, mistakes);
        check(swedish, mistakes);
        assertThat(mistakes).as("texts of %s that do not come out as written", basename).isEmpty();
    }

    private static void check(Properties texts, List<String> mistakes) {
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            boolean validation = key.startsWith("jakarta.") || key.startsWith("validation.");
            Matcher arguments = ARGUMENT.matcher(text);
            if (validation || !arguments.find()) {
                if (text.contains("''") || (validation && arguments.reset().find())) {
                    mistakes.add(key + " is used as written, without arguments: " + text);
                }
                continue;
            }
            String expected = ARGUMENT.matcher(text.replace("''", "'")).replaceAll("<$1>");
            Object[] values = new Object[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = "<" + i + ">";
            }
            String formatted;
            try {
                formatted = new MessageFormat(text, Locale.ROOT).format(values);
            } catch (IllegalArgumentException e) {
                mistakes.add(key + " is not a MessageFormat pattern: " + e.getMessage());
                continue;
            }
            if (!formatted.equals(expected)) {
                mistakes.add(key + " comes out as \"" + formatted + "\"");
            }
        }
    }

    private static Properties load(String resource) {
        Properties texts = new Properties();
        try (InputStream in = ProblemBundles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
