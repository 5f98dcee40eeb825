package se.samverka.gateway.portal.operations;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.samverka.platform.watch.Watch;

/**
 * The {@link Watch} as the operator page's table of it says it: what {@code ./samverka status} prints, line by line
 * and marked alike, in the reader's language, each with what it means and its runbook.
 */
@Component
class WatchLines {

    private final MessageSource messages;

    WatchLines(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * One line of the watch.
     *
     * @param runbook where docs/operations.md says what to do
     */
    record Line(String what, String state, String meaning, boolean needsAPerson, String runbook) {
    }

    List<Line> of(Watch watch, Locale locale) {
        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        List<Line> lines = new ArrayList<>();
        Watch.Outbox outbox = watch.outbox();
        lines.add(line(outbox, "outbox", locale, outbox.waiting() == 0 ? "none" : "some",
                count.format(outbox.waiting()), count.format(outbox.oldest())));
        Watch.ConsumerLag lag = watch.lag();
        lines.add(line(lag, "lag", locale, lag.total() == 0 ? "none" : "some", count.format(lag.total())));
        Watch.DeadLetters deadLetters = watch.deadLetters();
        lines.add(line(deadLetters, "deadLetters", locale, deadLetters.total() == 0 ? "none" : "some",
                count.format(deadLetters.total())));
        Watch.Gaps gaps = watch.gaps();
        lines.add(line(gaps, "gaps", locale, gaps.total() == 0 ? "none" : "some", count.format(gaps.total())));
        watch.reportWriters().ifPresent(writers -> lines.add(line(writers, "writers", locale,
                writers.instances().isEmpty() ? "none" : "some", String.join(", ", writers.instances()))));
        Watch.Deliveries deliveries = watch.deliveries();
        lines.add(line(deliveries, "deliveries", locale, "state", count.format(deliveries.waiting()),
                count.format(deliveries.givenUp())));
        return lines;
    }

    private Line line(Watch.Concern concern, String key, Locale locale, String state, Object... figures) {
        String prefix = "operations." + key + ".";
        return new Line(messages.getMessage(prefix + "what", null, locale),
                messages.getMessage(prefix + state, figures, locale),
                messages.getMessage(prefix + "meaning", null, locale), concern.needsAPerson(), concern.runbook());
    }
}
