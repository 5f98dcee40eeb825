package se.samverka.reporting.readmodel;

import java.util.Map;

/**
 * Every funding call, interest and introduction of the read models at one moment, by id: what the broker's report is
 * computed from, with the organisations and partnerships of a {@link Snapshot}.
 */
public record BrokerEntries(
        Map<String, CallEntry> calls,
        Map<String, InterestEntry> interests,
        Map<String, IntroductionEntry> introductions) {
}
