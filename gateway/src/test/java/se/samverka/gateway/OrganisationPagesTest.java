package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The organisation pages: the directory with its filters, and an organisation with its partnerships and projects. */
class OrganisationPagesTest extends GatewayTest {

    @Test
    void anOrganisationsPageShowsItsPartnershipsAndProjects() {
        PARTNERSHIP.answer("/api/organisations/o1", 200, """
                {"id":"o1","name":"Gmina Miasta Sanoka","type":"FOREIGN_CITY","country":"PL","region":"PL-18"}""")
                .answer("/api/partnerships?size=100&party=o1", 200, "{\"items\":[{\"id\":\"s1\",\"name\":\"Vänort Sanok\"}]}");
        PROJECT.answer("/api/projects?size=100&owner=o1", 200, "{\"items\":[]}");

        String page = http.get().uri("/organisations/o1").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Gmina Miasta Sanoka", "Stad utomlands", "Polen (PL-18)", "href=\"/partnerships/s1\"",
                "Inga projekt som du kan se.");
    }

    @Test
    void theDirectoryFiltersByTextTypeAndCountry() {
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name&q=sanok&type=FOREIGN_CITY", 200, """
                {"items":[{"id":"o1","name":"Gmina Miasta Sanoka","type":"FOREIGN_CITY","country":"PL"}]}""");

        String page = http.get().uri("/organisations?q=sanok&type=FOREIGN_CITY&country=").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"/organisations/o1\"", "Gmina Miasta Sanoka", "Stad utomlands");
    }
}
