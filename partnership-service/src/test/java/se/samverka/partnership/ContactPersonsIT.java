package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.partnership.TestData.contactPerson;
import static se.samverka.partnership.TestData.organisation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Contact persons are personal data: kept in one place, never announced, exported on request, erased without trace. */
class ContactPersonsIT extends ServiceIntegrationTest {

    private static final String NEXT_YEAR = LocalDate.now().plusYears(1).toString();

    @Autowired
    MongoOperations mongo;

    @Test
    void aContactPersonIsKeptButOnlyTheIdIsAnnounced() {
        String organisation = organisation(api, "Kajaanin kaupunki", "FOREIGN_CITY", "FI");
        Api.Resource person = api.created("/api/organisations/" + organisation + "/contact-persons",
                contactPerson("Anna Virtanen", "anna.virtanen@kajaani.fi", NEXT_YEAR));

        assertThat(person.etag()).isEqualTo("\"1\"");
        assertThat(api.get("/api/contact-persons/{id}", person.id()).body().path("email").asString())
                .isEqualTo("anna.virtanen@kajaani.fi");
        JsonNode list = api.get("/api/organisations/{id}/contact-persons", organisation).body();
        assertThat(list.get(0).path("name").asString()).isEqualTo("Anna Virtanen");
        assertThat(api.get("/api/organisations/{id}", organisation).body().toString())
                .as("the organisation's resource shows no contact persons").doesNotContain("Virtanen");

        List<EventEnvelope> events = awaitEvents(organisation, 2);
        assertThat(events.get(1).type()).isEqualTo("se.samverka.organisation.contactPersonAdded");
        assertThat(events.get(1).data()).contains(person.id()).doesNotContain("Virtanen", "kajaani.fi", "14 30 00");
    }

    @Test
    void aChangeNeedsThePersonsVersionAndAnnouncesNothingPersonal() {
        String organisation = organisation(api, "Odense Kommune", "FOREIGN_CITY", "DK");
        Api.Resource person = api.created("/api/organisations/" + organisation + "/contact-persons",
                contactPerson("Mette Hansen", "meha@odense.dk", NEXT_YEAR));
        Map<String, Object> changed = contactPerson("Mette Hansen", "mette.hansen@odense.dk", NEXT_YEAR);

        api.refused(HttpMethod.PUT, "/api/contact-persons/" + person.id(), null, changed, HttpStatus.PRECONDITION_REQUIRED);
        Api.Resource updated = api.change(HttpMethod.PUT, "/api/contact-persons/" + person.id(), person.etag(), changed);
        api.refused(HttpMethod.PUT, "/api/contact-persons/" + person.id(), person.etag(), changed,
                HttpStatus.PRECONDITION_FAILED);

        assertThat(updated.etag()).isEqualTo("\"2\"");
        assertThat(updated.body().path("email").asString()).isEqualTo("mette.hansen@odense.dk");
        EventEnvelope event = awaitEvents(organisation, 3).get(2);
        assertThat(event.type()).isEqualTo("se.samverka.organisation.contactPersonChanged");
        assertThat(event.data()).doesNotContain("Hansen", "odense.dk");
    }

    @Test
    void badContactDetailsAreRefusedFieldByField() {
        String organisation = organisation(api, "Sanoks kommun", "FOREIGN_CITY", "PL");

        JsonNode problem = api.refused(HttpMethod.POST, "/api/organisations/" + organisation + "/contact-persons", null,
                Map.of("name", "Jan Kowalski", "email", "not an address", "phone", "call me", "lawfulBasis", "WHIM",
                        "retainUntil", "2001-01-01"), HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("lawfulBasis");

        problem = api.refused(HttpMethod.POST, "/api/organisations/" + organisation + "/contact-persons", null,
                Map.of("name", "Jan Kowalski", "email", "not an address", "phone", "call me", "lawfulBasis", "CONSENT",
                        "retainUntil", "2001-01-01"), HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "phone", "retainUntil");
        api.refused(HttpMethod.POST, "/api/organisations/no-such/contact-persons", null,
                contactPerson("Jan Kowalski", "jan@sanok.pl", NEXT_YEAR), HttpStatus.NOT_FOUND);
    }

    @Test
    void anAccessRequestExportsEverythingHeldAboutThePerson() {
        String organisation = organisation(api, "Trondheim kommune", "FOREIGN_CITY", "NO");
        Api.Resource person = api.created("/api/organisations/" + organisation + "/contact-persons",
                contactPerson("Ola Nordmann", "ola.nordmann@trondheim.kommune.no", NEXT_YEAR));

        var export = api.http().get().uri("/api/contact-persons/{id}/export", person.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"contact-person-" + person.id() + ".json\"")
                .expectBody();
        export.jsonPath("$.person.name").isEqualTo("Ola Nordmann")
                .jsonPath("$.person.email").isEqualTo("ola.nordmann@trondheim.kommune.no")
                .jsonPath("$.person.lawfulBasis").isEqualTo("PUBLIC_TASK")
                .jsonPath("$.organisationName").isEqualTo("Trondheim kommune");
    }

    @Test
    void erasureLeavesNoTraceInTheServiceOrOnKafka() {
        String organisation = organisation(api, "Alfred Nzo District Municipality", "FOREIGN_REGION", "ZA", "region", "ZA-EC");
        String name = "Thandiwe Mokoena-" + System.nanoTime();
        String email = "t.mokoena." + System.nanoTime() + "@alfrednzo.gov.za";
        Api.Resource person = api.created("/api/organisations/" + organisation + "/contact-persons",
                contactPerson(name, email, NEXT_YEAR));
        Api.Resource other = api.created("/api/organisations/" + organisation + "/contact-persons",
                contactPerson("Sipho Dlamini", "s.dlamini@alfrednzo.gov.za", NEXT_YEAR));

        api.http().delete().uri("/api/contact-persons/{id}", person.id()).exchange().expectStatus().isNoContent();

        api.refused(HttpMethod.GET, "/api/contact-persons/" + person.id(), null, null, HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/contact-persons/{id}", other.id()).body().path("name").asString()).isEqualTo("Sipho Dlamini");
        EventEnvelope removed = awaitEvents(organisation, 4).get(3);
        assertThat(removed.type()).isEqualTo("se.samverka.organisation.contactPersonRemoved");
        assertThat(removed.data()).contains(person.id(), "\"reason\":\"ERASED\"");

        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).as(collection).doesNotContain(name, email);
            }
        }
        for (String topic : Topics.ALL) {
            kafka.readAll(topic).forEach(record -> assertThat(record.value() + record.headers()).doesNotContain(name, email));
        }
    }

    private List<EventEnvelope> awaitEvents(String organisation, int count) {
        return awaitEvents(PartnershipContracts.ORGANISATIONS, organisation, count);
    }
}
