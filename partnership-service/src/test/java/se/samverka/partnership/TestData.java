package se.samverka.partnership;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samverka.platform.test.Api;

/** Request bodies for the register's tests, written the way a client would send them. */
final class TestData {

    private TestData() {
    }

    static Map<String, Object> organisation(String name, String type, String country, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", type, "country", country));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static String organisation(Api api, String name, String type, String country, Object... more) {
        return api.create("/api/organisations", organisation(name, type, country, more));
    }

    /** A partnership led by the first organisation, the others partners. */
    static Map<String, Object> partnership(String name, String type, List<String> organisations, Object... more) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < organisations.size(); i++) {
            parties.add(Map.of("organisationId", organisations.get(i), "role", i == 0 ? "LEAD" : "PARTNER"));
        }
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", type, "parties", parties));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    /** A call of Interreg Aurora (public, as calls are unless told) with its deadline. */
    static Map<String, Object> call(String name, LocalDate deadline, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("programme", "INTERREG_AURORA", "name", name,
                "deadline", deadline.toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static Map<String, Object> contactPerson(String name, String email, String retainUntil) {
        return Map.of("name", name, "role", "Internationell samordnare", "email", email, "phone", "+46 63 14 30 00",
                "lawfulBasis", "PUBLIC_TASK", "retainUntil", retainUntil);
    }

    /** An interest of the organisation that stands for a month, with what a test sets in {@code more}. */
    static Map<String, Object> interest(String organisationId, String direction, String title, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", organisationId, "direction", direction,
                "purposes", List.of("EXCHANGE"), "title", title,
                "validUntil", LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }
}
