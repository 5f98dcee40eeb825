package se.samverka.gateway.portal.operations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import se.samverka.platform.watch.Watch;
import tools.jackson.databind.JsonNode;

/**
 * What the operator page shows, read from every part at {@code readAt}.
 *
 * @param withoutMetrics         the service instances whose metrics could not be read
 * @param failingSubscriptions   null when subscription-service did not answer
 * @param deadLetters            each service's dead letters still to be decided on
 */
record Operations(String readAt, List<PartHealth> parts, List<WatchLines.Line> lines, Watch watch,
                  List<String> withoutMetrics, List<LatestRebuild> rebuilds,
                  List<FailingSubscription> failingSubscriptions, List<ServiceDeadLetters> deadLetters) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Stockholm"));

    /** A moment as the page shows it, in the municipality's time. */
    static String time(Instant moment) {
        return TIME.format(moment);
    }

    /** A moment a service wrote (ISO-8601), as the page shows it; null when it wrote none. */
    static String time(JsonNode moment) {
        return moment.isString() ? time(Instant.parse(moment.asString())) : null;
    }

    /** Per dead-letter topic, what no one has decided on yet, as the services count it. */
    public Map<String, Long> openPerTopic() {
        return watch.deadLetters().parked().orElse(Map.of());
    }

    /** Whether every service answered and none has a dead letter to decide on. */
    public boolean noDeadLetterOpen() {
        return deadLetters.stream().allMatch(service -> service.answered() && service.open().isEmpty());
    }

    public boolean subscriptionsAnswered() {
        return failingSubscriptions != null;
    }
}
