package se.samverka.gateway.portal.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The start page's search of the PUBLIC projects. */
class PublicSearchTest {

    private static final JsonNode WINTER = JsonMapper.builder().build().readTree("""
            {"id":"p1","acronym":"WINTER","title":"Vinterstaden Östersund–Trondheim",
             "titleEn":"Winter city Östersund–Trondheim","summary":"Gemensamma vinterevenemang.",
             "status":"ONGOING","themes":["CLIMATE","DIVERSITY"],"countries":["NO","SE"]}""");

    @Test
    void findsWordsInTheAcronymTitlesAndSummaryWhateverTheirCase() {
        assertThat(search("q", "winter").matches(WINTER)).isTrue();
        assertThat(search("q", "winter city").matches(WINTER)).as("the English title").isTrue();
        assertThat(search("q", "VINTEREVENEMANG").matches(WINTER)).isTrue();
        assertThat(search("q", "sommar").matches(WINTER)).isFalse();
    }

    @Test
    void filtersByThemeStatusAndCountryAllTogether() {
        assertThat(search("theme", "CLIMATE", "status", "ONGOING", "country", "NO").matches(WINTER)).isTrue();
        assertThat(search("theme", "DEMOCRACY").matches(WINTER)).isFalse();
        assertThat(search("status", "CLOSED").matches(WINTER)).isFalse();
        assertThat(search("country", "FI").matches(WINTER)).isFalse();
        assertThat(search("theme", "CLIMATE", "country", "FI").matches(WINTER)).isFalse();
        assertThat(search().matches(WINTER)).as("no filter").isTrue();
    }

    private static PublicSearch search(String... filters) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int i = 0; i < filters.length; i += 2) {
            chosen.put(filters[i], filters[i + 1]);
        }
        return PublicSearch.of(chosen);
    }
}
