package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoDataTest {

    @Test
    void daysAreCountedFromTheDayTheDataIsLoaded() {
        String body = "{\"opensOn\": \"${today-20}\", \"deadline\": \"${today+30}\", \"on\": \"${today}\", \"id\": \"${kajaani}\"}";

        assertThat(DemoData.days(body, LocalDate.of(2026, 12, 20)))
                .isEqualTo("{\"opensOn\": \"2026-11-30\", \"deadline\": \"2027-01-19\", \"on\": \"2026-12-20\", \"id\": \"${kajaani}\"}");
    }

    @Test
    void aStepWaitsForWhatItNamesAndForWhatNamedItsThingBefore() {
        List<JsonNode> steps = steps("""
                [{"key": "city", "method": "POST", "path": "/api/organisations", "body": {"name": "Kajaani"}},
                 {"key": "dept", "method": "POST", "path": "/api/organisations", "body": {"name": "KLF"}},
                 {"key": "ship", "method": "POST", "path": "/api/partnerships", "body": {"parties": ["${city}"]}},
                 {"key": "p1", "method": "POST", "path": "/api/projects",
                  "body": {"owner": "${dept}", "partnership": "${ship}", "start": "${today-30}"}},
                 {"key": "p2", "method": "POST", "path": "/api/projects", "body": {"owner": "${dept}"}},
                 {"method": "POST", "path": "/api/partnerships/${ship}/transitions", "ifMatch": "ship"},
                 {"key": "i1", "method": "POST", "path": "/api/projects/${p1}/indicators", "idAt": "/indicators/0/id"},
                 {"method": "POST", "path": "/api/projects/${p1}/indicators/${i1}/reports"},
                 {"method": "PUT", "path": "/api/projects/${p2}/health"}]
                """);

        assertThat(DemoData.after(steps)).containsExactly(
                Set.of(), Set.of(), Set.of(0),
                Set.of(1, 2),
                Set.of(1),
                // The partnership moves on only after the project that names it is made.
                Set.of(2, 3),
                Set.of(3),
                Set.of(6),
                Set.of(4));
    }

    private static List<JsonNode> steps(String json) {
        List<JsonNode> steps = new ArrayList<>();
        JsonMapper.builder().build().readTree(json).forEach(steps::add);
        return steps;
    }
}
