package se.samverka.gateway.portal.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open datasets as the start page names and links them. */
class OpenDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void namesEachDatasetInTheReadersLanguageWithItsLicence() {
        JsonNode listing = JSON.readTree("""
                {"datasets":[{"id":"projects","title":{"sv":"Projekt","en":"Projects"},
                  "description":{"sv":"De öppna projekten.","en":"The open projects."},"columns":[],
                  "licence":{"id":"CC0-1.0","name":"CC0 1.0","url":"https://creativecommons.org/publicdomain/zero/1.0/"},
                  "distributions":[]}]}""");

        assertThat(OpenData.of(listing, Locale.forLanguageTag("sv")).datasets()).containsExactly(
                new OpenData.Dataset("projects", "Projekt", "De öppna projekten.", "CC0 1.0",
                        "https://creativecommons.org/publicdomain/zero/1.0/"));
        assertThat(OpenData.of(listing, Locale.ENGLISH).datasets()).extracting(OpenData.Dataset::title)
                .containsExactly("Projects");
    }

    @Test
    void takesAListOfTextsWithTheirEnglishBesideAndLeavesOutWhatMakesNoFileName() {
        JsonNode listing = JSON.readTree("""
                [{"id":"funding","title":"Finansiering","titleEn":"Funding","licence":"CC-BY-4.0"},
                 {"id":"../secrets","title":"Nej"},
                 {"title":"Utan id"}]""");

        assertThat(OpenData.of(listing, Locale.ENGLISH).datasets()).containsExactly(
                new OpenData.Dataset("funding", "Funding", null, "CC-BY-4.0", null));
    }
}
