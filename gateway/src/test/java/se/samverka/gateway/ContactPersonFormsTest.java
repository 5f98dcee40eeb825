package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** An organisation's contact persons on its page: shown where partnership-service shows them, and their forms. */
class ContactPersonFormsTest extends GatewayTest {

    private static final String STAFF = TestTokens.staff("o0");
    private static final String CONTACTS = "/api/organisations/o1/contact-persons";

    @BeforeEach
    void anOrganisationWithAContactPerson() {
        PARTNERSHIP.answer("/api/organisations/o1", 200, """
                {"id":"o1","version":4,"name":"Gmina Miasta Sanoka","type":"FOREIGN_CITY","country":"PL"}""")
                .answer("/api/partnerships?size=100&party=o1", 200, "{\"items\":[]}")
                .answer(CONTACTS, 200, """
                        [{"id":"c1","version":2,"organisationId":"o1","name":"Anna Nowak","role":"Samordnare",
                          "email":"anna@sanok.pl","lawfulBasis":"PUBLIC_TASK","retainUntil":"2028-12-31"}]""");
        PROJECT.answer("/api/projects?size=100&owner=o1", 200, "{\"items\":[]}");
    }

    @Test
    void thoseTheServiceShowsThemToSeeThemAndTheirForms() {
        String page = page(STAFF);

        assertThat(page).contains("Kontaktpersoner", "Anna Nowak", "anna@sanok.pl", "Uppgift av allmänt intresse",
                "action=\"/organisations/o1/contact-persons/c1\"", "name=\"version\" value=\"&quot;2&quot;\"",
                "Lägg till kontaktperson", "Rättslig grund (obligatoriskt)")
                .as("erasure is the coordinator's").doesNotContain("/contact-persons/c1/delete");
        assertThat(page(TestTokens.admin())).contains("action=\"/organisations/o1/contact-persons/c1/delete\"",
                "Radera allt om Anna Nowak");
    }

    @Test
    void noOneElseSeesThem() {
        PARTNERSHIP.answer(CONTACTS, 403, "{\"title\":\"Forbidden\",\"status\":403}");

        assertThat(page(TestTokens.partner("o5"))).contains("Gmina Miasta Sanoka")
                .doesNotContain("Anna Nowak", "Kontaktpersoner", "contact-persons");
        String anonymous = http.get().uri("/organisations/o1").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(anonymous).doesNotContain("Anna Nowak", "Kontaktpersoner");
        assertThat(PARTNERSHIP.received(CONTACTS)).as("asked for the partner only").hasSize(1);
    }

    @Test
    void anAddedPersonIsSentAsWritten() {
        PARTNERSHIP.answer("POST", CONTACTS, 201, "{\"id\":\"c2\",\"version\":1}");

        http.post().uri("/organisations/o1/contact-persons").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", " Jan Kowalski ").with("role", "").with("email", "jan@sanok.pl")
                        .with("lawfulBasis", "CONSENT").with("retainUntil", "2027-06-30"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/organisations/o1");

        assertThat(PARTNERSHIP.received(CONTACTS)).filteredOn(request -> request.method().equals("POST"))
                .singleElement().satisfies(request -> {
                    assertThat(request.authorization()).isEqualTo(bearer(STAFF));
                    assertThat(request.body()).contains("\"name\":\"Jan Kowalski\"", "\"email\":\"jan@sanok.pl\"",
                            "\"lawfulBasis\":\"CONSENT\"", "\"retainUntil\":\"2027-06-30\"").doesNotContain("role");
                });
    }

    @Test
    void aRefusedChangeIsShownAtItsPersonsFormWithTheVersionItWasOpenedAt() {
        PARTNERSHIP.answer("/api/contact-persons/c1", 400, """
                {"title":"Invalid request","status":400,"errors":[{"field":"email","reason":"är ingen e-postadress"}]}""");

        String page = http.post().uri("/organisations/o1/contact-persons/c1")
                .header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "Anna Nowak").with("email", "anna(at)sanok")
                        .with("lawfulBasis", "PUBLIC_TASK").with("retainUntil", "2028-12-31").with("version", "\"2\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "href=\"#contact-persons-c1-email\"",
                "E-post: är ingen e-postadress", "id=\"contact-persons-c1-email-error\"",
                "aria-describedby=\"contact-persons-c1-email-error\"", "value=\"anna(at)sanok\"", "<details class=\"part\" open");
        assertThat(PARTNERSHIP.received("/api/contact-persons/c1")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.ifMatch()).isEqualTo("\"2\"");
        });
    }

    @Test
    void aConflictIsSaidInWords() {
        PARTNERSHIP.answer("/api/contact-persons/c1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");

        String page = http.post().uri("/organisations/o1/contact-persons/c1")
                .header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "Anna Nowak").with("version", "\"1\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat kontaktpersonen",
                "name=\"version\" value=\"&quot;1&quot;\"").doesNotContain("&quot;2&quot;");
    }

    @Test
    void erasureSendsADelete() {
        PARTNERSHIP.answer("/api/contact-persons/c1", 204, "");

        http.post().uri("/organisations/o1/contact-persons/c1/delete")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/organisations/o1");

        assertThat(PARTNERSHIP.received("/api/contact-persons/c1")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.body()).isEmpty();
        });
    }

    private String page(String token) {
        return http.get().uri("/organisations/o1").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
