package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/**
 * The portal asks the services for the reader's language (Swedish unless the reader chose English), so that what a
 * service refuses reads in the language of the page that shows it.
 */
class PortalLanguageTest extends GatewayTest {

    private static final String REFERENCE = """
            {"strategy":{"strategies":[],"growthAreas":[]},"fundingProgrammes":{"programmes":[]}}""";
    /** The registration form asks partnership-service for the reader's own organisation. */
    private static final String ORGANISATIONS = "/api/organisations/o0";
    private static final String STAFF = TestTokens.staff("o0");

    @Test
    void theServicesAreAskedForSwedishUnlessTheReaderChoseEnglish() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer(ORGANISATIONS, 200, "{\"items\":[]}");

        open("/projects/new", null);
        open("/projects/new?lang=en", null);
        open("/projects/new", "en");

        assertThat(languages(PROJECT.received("/api/reference"))).as("Swedish, English chosen, English kept")
                .containsExactly("sv", "en", "en");
        assertThat(languages(PARTNERSHIP.received(ORGANISATIONS))).containsExactly("sv", "en", "en");
    }

    @Test
    void theChosenLanguageIsKeptInOneCookieHoweverManyCallsThePageMakes() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer(ORGANISATIONS, 200, "{\"items\":[]}");

        List<String> cookies = http.get().uri("/projects/new?lang=en").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().get(HttpHeaders.SET_COOKIE);

        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("samverka-lang=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).startsWith("samverka-lang=en"));
    }

    @Test
    void aRefusalWithoutWordsOfItsOwnIsSaidInTheReadersLanguage() {
        PROJECT.answer("/api/reference", 200, REFERENCE).answer("/api/projects", 409, "{\"status\":409}");
        PARTNERSHIP.answer(ORGANISATIONS, 200, "{\"items\":[]}");

        assertThat(register("/projects/new")).contains("Ändringen godtogs inte.");
        assertThat(register("/projects/new?lang=en")).contains("The change was refused.")
                .doesNotContain("Ändringen godtogs inte.");
    }

    private void open(String uri, String languageCookie) {
        var request = http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(STAFF));
        if (languageCookie != null) {
            request.cookie("samverka-lang", languageCookie);
        }
        request.exchange().expectStatus().isOk();
    }

    private static List<String> languages(List<StubService.Received> requests) {
        return requests.stream().map(StubService.Received::acceptLanguage).toList();
    }

    private String register(String uri) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "Ungdomsutbyte").with("ownerOrganisationId", "o0"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
