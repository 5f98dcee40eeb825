package se.samverka.platform.messaging.personaldata;

import java.util.Map;

/** What an erasure changed: the number of entries that named the person, by kind of aggregate; 0 when done before. */
public record StaffErased(Map<String, Integer> entriesChanged) {
}
