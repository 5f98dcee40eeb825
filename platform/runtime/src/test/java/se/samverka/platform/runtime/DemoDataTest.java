package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void daysAreCountedFromTheDayTheDataIsLoaded() {
        String body = "{\"opensOn\": \"${today-20}\", \"deadline\": \"${today+30}\", \"on\": \"${today}\", \"id\": \"${kajaani}\"}";

        assertThat(DemoData.days(body, LocalDate.of(2026, 12, 20)))
                .isEqualTo("{\"opensOn\": \"2026-11-30\", \"deadline\": \"2027-01-19\", \"on\": \"2026-12-20\", \"id\": \"${kajaani}\"}");
    }
}
