package se.samverka.platform.events;

import java.util.List;

/** The event topics, one per aggregate type (DESIGN.md §2). Retention is unlimited: read models are rebuilt from them. */
public final class Topics {

    public static final String ORGANISATIONS = "samverka.organisations";
    public static final String PARTNERSHIPS = "samverka.partnerships";
    public static final String PROJECTS = "samverka.projects";

    public static final List<String> ALL = List.of(ORGANISATIONS, PARTNERSHIPS, PROJECTS);

    private Topics() {
    }

    /** Where a consumer group parks the records it cannot process. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
