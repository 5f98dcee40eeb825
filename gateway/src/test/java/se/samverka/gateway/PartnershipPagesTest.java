package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import se.samverka.platform.test.TestTokens;

/** The partnership pages: the register's list with its filters, and a partnership with its parties and projects. */
class PartnershipPagesTest extends GatewayTest {

    @Test
    void aPartnershipsPageShowsItsPartiesDecisionsAndTheProjectsTheReaderMaySee() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, """
                {"id":"s1","name":"Vänort Sanok","type":"TWIN_CITY","status":"ACTIVE","visibility":"PUBLIC",
                 "countries":["PL","SE"],"parties":[{"organisationId":"o1","role":"PARTNER","name":"Gmina Miasta Sanoka",
                 "country":"PL"}],"decisions":[{"body":"Kommunfullmäktige","decidedOn":"2007-11-22","paragraph":"§ 185",
                 "registrationNumber":"1783/200"}]}""")
                .answer("/api/organisations/o1", 200, "{\"id\":\"o1\",\"name\":\"Gmina Miasta Sanoka\"}");
        PROJECT.answer("/api/projects?partnership=s1", 200, """
                {"items":[{"id":"p1","title":"Elevutbyte Sanok–Östersund","status":"CLOSED"}]}""");

        String page = http.get().uri("/partnerships/s1").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o9")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Vänort Sanok", "Vänort", "Aktivt", "Öppen för alla", "Gmina Miasta Sanoka",
                "Kommunfullmäktige 2007-11-22 § 185 Dnr 1783/200", "href=\"/projects/p1\"", "Avslutat");
    }

    @Test
    void aPartnershipsPageSaysWhenItsAgreementComesDueInEitherLanguage() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, """
                {"id":"s1","name":"Vänort Sanok","type":"TWIN_CITY","status":"ACTIVE","visibility":"PUBLIC",
                 "parties":[],"agreementDue":[{"due":"RENEWAL","dueOn":"2027-01-31","daysLeft":45},
                                              {"due":"EXPIRY","dueOn":"2026-11-20","daysLeft":-12}]}""");

        assertThat(page("/partnerships/s1")).contains("Avtalet kommer upp",
                "Avtalet ska förnyas senast 2027-01-31 – om 45 dagar", "Avtalet löper ut 2026-11-20 – för 12 dagar sedan");
        assertThat(page("/partnerships/s1?lang=en")).contains("The agreement comes due",
                "The agreement is to be renewed by 2027-01-31 – in 45 days",
                "The agreement expires on 2026-11-20 – 12 days ago");
    }

    @Test
    void aPartnershipWithNothingDueSaysNothingOfIt() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, """
                {"id":"s1","name":"Vänort Sanok","type":"TWIN_CITY","status":"ACTIVE","visibility":"PUBLIC",
                 "parties":[],"agreementDue":[]}""");

        assertThat(page("/partnerships/s1")).contains("Vänort Sanok").doesNotContain("Avtalet kommer upp");
    }

    private String page(String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theListFiltersByTypeAndText() {
        PARTNERSHIP.answer("/api/partnerships?size=100&sort=name&type=TWIN_CITY&q=sanok", 200, """
                {"items":[{"id":"s1","name":"Vänort Sanok","type":"TWIN_CITY","status":"ACTIVE","countries":["PL","SE"]}],
                 "totalItems":1}""");

        String page = http.get().uri("/partnerships?type=TWIN_CITY&q=sanok").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("1 partnerskap", "href=\"/partnerships/s1\"", "Vänort Sanok", "Polen, Sverige");
    }
}
