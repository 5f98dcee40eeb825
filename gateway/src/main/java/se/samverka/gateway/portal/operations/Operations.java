package se.samverka.gateway.portal.operations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import se.samverka.platform.watch.Watch;

/**
 * What the operator page shows, read from every part at {@code readAt}.
 *
 * @param withoutMetrics         the service instances whose metrics could not be read
 * @param failingSubscriptions   null when subscription-service did not answer
 */
record Operations(String readAt, List<PartHealth> parts, List<WatchLines.Line> lines, Watch watch,
                  List<String> withoutMetrics, List<LatestRebuild> rebuilds,
                  List<FailingSubscription> failingSubscriptions) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Stockholm"));

    /** A moment as the page shows it, in the municipality's time. */
    static String time(Instant moment) {
        return TIME.format(moment);
    }

    /** Per dead-letter topic, what its consumer parked since its service started, as the services count it. */
    public Map<String, Long> deadLettered() {
        return watch.deadLetters().parked().orElse(Map.of());
    }

    public boolean subscriptionsAnswered() {
        return failingSubscriptions != null;
    }
}
