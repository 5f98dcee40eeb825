package se.samverka.platform.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample of a Prometheus text page: a series' name, its labels and its value. */
public record Sample(String name, Map<String, String> labels, double value) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The samples of a Prometheus text page. */
    public static List<Sample> parse(String page) {
        List<Sample> samples = new ArrayList<>();
        for (String line : page.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
            } catch (NumberFormatException notANumber) {
                // Prometheus spells the infinities +Inf and -Inf, which Java does not read; nothing here watches them.
            }
        }
        return samples;
    }

    /** The value of one of its labels; empty when it has none of that name. */
    String label(String label) {
        return labels.getOrDefault(label, "");
    }
}
