package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** The forms that register and change a project: what they send, and what they show of a refusal. */
class ProjectFormsTest extends GatewayTest {

    private static final String REFERENCE = """
            {"strategy":{"strategies":[{"code":"S1","name":{"sv":"Ökad kunskap","en":"More knowledge"}}],
              "growthAreas":[{"code":"EDUCATION_CITY","name":{"sv":"Utbildningsstaden","en":"Education city"}}]},
             "fundingProgrammes":{"programmes":[{"code":"OWN_BUDGET","name":{"sv":"Egen budget","en":"Own budget"}}]}}""";
    private static final String ORGANISATIONS = """
            {"items":[{"id":"o0","name":"Kultur- och fritidsförvaltningen","type":"DEPARTMENT","country":"SE"},
                      {"id":"o1","name":"Socialförvaltningen","type":"DEPARTMENT","country":"SE"},
                      {"id":"o2","name":"Trondheim kommune","type":"FOREIGN_CITY","country":"NO"}]}""";
    private static final String STAFF = TestTokens.staff("o0");

    @Test
    void theNewProjectFormOffersTheReadersOwnOrganisationOnly() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.get().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Registrera projekt", "Titel (obligatoriskt)", "S1 – Ökad kunskap", "Utbildningsstaden",
                "Kultur- och fritidsförvaltningen").doesNotContain("Socialförvaltningen", "Trondheim kommune");
    }

    @Test
    void aRegisteredProjectOpensItsPage() {
        PROJECT.answer("/api/projects", 201, "{\"id\":\"p9\",\"version\":1}");

        http.post().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "Ungdomsutbyte med Sanok").with("ownerOrganisationId", "o0")
                        .with("visibility", "COUNTY").with("strategies", "S1").with("acronym", ""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/projects/p9");

        assertThat(PROJECT.received("/api/projects")).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isEqualTo(bearer(STAFF));
            assertThat(request.body()).contains("\"title\":\"Ungdomsutbyte med Sanok\"", "\"visibility\":\"COUNTY\"",
                    "\"strategies\":[\"S1\"]").doesNotContain("acronym");
        });
    }

    @Test
    void whatTheServiceRefusesIsShownNextToItsField() {
        PROJECT.answer("/api/reference", 200, REFERENCE).answer("/api/projects", 422, """
                {"title":"Invalid request","status":422,"errors":[{"field":"title","reason":"must not be blank"}]}""");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.post().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "").with("ownerOrganisationId", "o0"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "href=\"#title\"", "Titel: must not be blank",
                "id=\"title-error\"", "aria-describedby=\"title-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void aChangeSendsTheVersionItWasOpenedAtAndKeepsWhatTheFormDoesNotShow() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":4,\"title\":\"Gammal titel\","
                        + "\"ownerOrganisationId\":\"o0\",\"contactPersonIds\":[\"c1\"],\"allowedTransitions\":[]}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        http.post().uri("/projects/p1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "Ny titel").with("version", "\"3\"")
                        .with("ownerOrganisationId", "o0"))
                .exchange()
                .expectStatus().isSeeOther();
        assertThat(PROJECT.received("/api/projects/p1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).as("the version the form was opened at").isEqualTo("\"3\"");
                    assertThat(request.body()).as("what the form does not show is kept")
                            .contains("\"title\":\"Ny titel\"", "\"contactPersonIds\":[\"c1\"]");
                });
    }

    @Test
    void aChangeSinceThePageWasOpenedIsAConflictSaidInWords() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":5,\"title\":\"Projektet\","
                        + "\"status\":\"IDEA\",\"allowedTransitions\":[\"PRE_STUDY\"]}")
                .answer("/api/projects/p1/transitions", 412, "{\"title\":\"Precondition failed\",\"status\":412}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);
        REPORTING.answer("/api/reports/projects/p1", 404, "{\"status\":404}");

        String page = http.post().uri("/projects/p1/transitions").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("to", "PRE_STUDY").with("reason", "Förstudie").with("version", "\"4\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat projektet", "Till: Förstudie", "Projektet");
        assertThat(PROJECT.received("/api/projects/p1/transitions").get(0).ifMatch()).isEqualTo("\"4\"");
    }

    @Test
    void theEditFormShowsTheProjectAsItIs() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":4,\"title\":\"Gammal titel\","
                        + "\"ownerOrganisationId\":\"o0\",\"visibility\":\"COUNTY\",\"strategies\":[\"S1\"]}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.get().uri("/projects/p1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("value=\"Gammal titel\"", "value=\"&quot;4&quot;\"", "Ändra projektets beskrivning");
        assertThat(page).containsPattern("value=\"COUNTY\"\\s+checked");
    }
}
