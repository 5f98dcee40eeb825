package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.partnership.TestData.interest;
import static se.samverka.partnership.TestData.organisation;
import static se.samverka.partnership.TestData.partnership;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectRegistered;
import tools.jackson.databind.JsonNode;

/** The international broker through its API and its events: interests, their matches, introductions. */
class BrokerIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;
    private static final HttpStatus CONFLICT = HttpStatus.CONFLICT;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MongoOperations mongo;
    @Autowired
    ProjectLinks projects;

    private String municipality;
    private String department;
    private String company;
    private Api companyApi;

    @BeforeEach
    void theDirectory() {
        municipality = organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE", "region", "SE-Z");
        department = organisation(api, "Kommunledningsförvaltningen", "DEPARTMENT", "SE",
                "parentOrganisationId", municipality);
        company = organisation(api, "Storsjö Upplevelser AB", "COMPANY", "SE", "region", "SE-Z");
        companyApi = api.as(TestTokens.company(company));
    }

    @Test
    void anInterestIsStatedChangedAndWithdrawnEachStepAnnounced() {
        Api.Resource stated = companyApi.created("/api/interests", interest(company, "OFFERS", "Guidade turer",
                "purposes", List.of("EXPORT"), "countries", List.of("FI", "NO"), "regions", List.of("FI-05"),
                "growthAreas", List.of("EXPERIENCE_INDUSTRY"), "sectors", List.of("PRIVATE"), "visibility", "COUNTY"));
        String uri = "/api/interests/" + stated.id();
        assertThat(stated.etag()).isEqualTo("\"1\"");
        assertThat(stated.body().path("status").asString()).isEqualTo("OPEN");
        assertThat(stated.body().path("organisationName").asString()).isEqualTo("Storsjö Upplevelser AB");
        assertThat(stated.body().path("statedBy").asString()).isEqualTo("Test Testsson");
        assertThat(api.as(TestTokens.partner(municipality)).get(uri).body().path("statedBy").isNull())
                .as("a person's name is for the organisation and the municipality").isTrue();

        Map<String, Object> changed = interest(company, "OFFERS", "Guidade turer vintertid", "purposes",
                List.of("EXPORT", "EXCHANGE"), "countries", List.of("FI"), "visibility", "PUBLIC");
        companyApi.refused(HttpMethod.PUT, uri, null, changed, HttpStatus.PRECONDITION_REQUIRED);
        Api.Resource updated = companyApi.change(HttpMethod.PUT, uri, stated.etag(), changed);
        companyApi.refused(HttpMethod.PUT, uri, stated.etag(), changed, HttpStatus.PRECONDITION_FAILED);
        companyApi.refused(HttpMethod.PUT, uri, updated.etag(), interest(department, "OFFERS", "Flyttat"),
                UNPROCESSABLE);
        Api.Resource withdrawn = companyApi.change(HttpMethod.POST, uri + "/withdrawal", updated.etag(), null);
        JsonNode refused = companyApi.refused(HttpMethod.PUT, uri, withdrawn.etag(), changed, CONFLICT);

        assertThat(refused.path("from").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.body().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.body().path("title").asString()).isEqualTo("Guidade turer vintertid");
        assertThat(api.anonymous().get("/api/interests?organisationId={org}&status=CLOSED", company).body()
                .path("items").findValuesAsString("id")).contains(stated.id());
        assertThat(api.get("/api/interests?organisationId={org}&status=OPEN", company).body().path("items")
                .findValuesAsString("id")).doesNotContain(stated.id());
        List<EventEnvelope> events = awaitEvents(PartnershipContracts.INTERESTS, stated.id(), 3);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("se.samverka.interest.stated",
                "se.samverka.interest.updated", "se.samverka.interest.closed");
        assertThat(events.get(0).data()).contains("\"organisationId\":\"" + company + "\"", "\"regions\":[\"FI-05\"]",
                "\"growthAreas\":[\"EXPERIENCE_INDUSTRY\"]", "\"visibility\":\"COUNTY\"").doesNotContain("Testsson");
        assertThat(events.get(2).data()).contains("\"reason\":\"WITHDRAWN\"");
    }

    @Test
    void badInterestsAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = mongo.getCollection("interests").countDocuments();
        String closed = organisation(api, "Nedlagd förening", "SOCIAL_ECONOMY", "SE", "active", false);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        expectRefused(interest("no-such", "SEEKS", "Okänd"), "organisationId");
        expectRefused(interest(closed, "SEEKS", "Stängd"), "organisationId");
        expectRefused(interest(company, "SEEKS", "Inget syfte", "purposes", List.of()), "purposes");
        expectRefused(interest(company, "SEEKS", "Land", "countries", List.of("XX")), "countries[0]");
        expectRefused(interest(company, "SEEKS", "Region", "countries", List.of("FI"), "regions", List.of("SE-Z")),
                "regions[0]");
        expectRefused(interest(company, "SEEKS", "Region", "regions", List.of("FI-99")), "regions[0]");
        expectRefused(interest(company, "SEEKS", "Område", "growthAreas", List.of("MINING")), "growthAreas[0]");
        expectRefused(interest(company, "SEEKS", "Tema", "themes", List.of("WEATHER")), "themes[0]");
        expectRefused(interest(company, "SEEKS", "Sektor", "sectors", List.of("NONE")), "sectors[0]");
        expectRefused(interest(company, "SEEKS", "Förr", "validUntil", "2020-01-01"), "validUntil");
        expectRefused(interest(company, "SEEKS", "Länge", "validUntil",
                LocalDate.parse(today).plusYears(4).toString()), "validUntil");
        expectRefused(interest(company, "SEEKS", "Projekt", "projectId", "no-such"), "projectId");
        JsonNode swedish = api.inLanguage("sv").refused(HttpMethod.POST, "/api/interests", null,
                interest(company, "SEEKS", "Område", "growthAreas", List.of("MINING")), UNPROCESSABLE);

        assertThat(swedish.path("errors").get(0).path("reason").asString())
                .isEqualTo("'MINING' är inte ett insatsområde i tillväxtprogrammet");
        assertThat(mongo.getCollection("interests").countDocuments()).isEqualTo(before);
    }

    @Test
    void matchesAreRankedExplainedInTheCallersLanguageAndOnlyWhatTheCallerMayRead() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String kajaani = organisation(api, "Kajaani " + tag, "FOREIGN_CITY", "FI", "region", "FI-05");
        String adventures = organisation(api, "Kainuu Adventures " + tag, "FOREIGN_ORGANISATION", "FI",
                "region", "FI-05", "sector", "PRIVATE");
        String twinCity = api.create("/api/partnerships", partnership("Vänort Kajaani " + tag, "TWIN_CITY",
                List.of(municipality, kajaani), "responsibleDepartmentId", department, "visibility", "PUBLIC",
                "strategies", List.of("S3"), "themes", List.of("CLIMATE")));
        String project = UUID.randomUUID().toString();
        publishProject(project, "Arctic Experience " + tag, department, "COUNTY", kajaani);
        String theirs = api.create("/api/interests", interest(adventures, "SEEKS", "Partner till Arctic Experience",
                "purposes", List.of("APPLICATION_PARTNERS"), "sectors", List.of("PRIVATE"), "projectId", project,
                "growthAreas", List.of("EXPERIENCE_INDUSTRY"), "visibility", "PUBLIC"));
        String ours = companyApi.create("/api/interests", interest(company, "OFFERS", "Upplevelser i Kainuu",
                "purposes", List.of("EXPORT", "APPLICATION_PARTNERS"), "countries", List.of("FI"),
                "regions", List.of("FI-05"), "themes", List.of("CLIMATE"), "growthAreas",
                List.of("EXPERIENCE_INDUSTRY"), "sectors", List.of("PRIVATE", "PUBLIC"), "visibility", "PUBLIC"));

        JsonNode english = api.get("/api/interests/{id}/matches?limit=100", ours).body();
        JsonNode swedish = api.inLanguage("sv").get("/api/interests/{id}/matches?limit=100", ours).body();

        assertThat(english.path("interestId").asString()).isEqualTo(ours);
        assertThat(ids(english)).contains(twinCity, project, theirs, kajaani, adventures).doesNotContain(company, ours);
        List<Integer> scores = english.path("matches").findValues("score").stream().map(JsonNode::asInt).toList();
        assertThat(scores).isSortedAccordingTo((one, other) -> other - one).allMatch(s -> s > 0 && s <= 100);
        assertThat(texts(english, twinCity)).contains("Kajaani " + tag + " twin city", "Same global theme: climate",
                "Serves strategy S3 Cooperation with business and the social economy in international questions");
        assertThat(texts(swedish, twinCity)).contains("Kajaani " + tag + " är vänort", "Samma globala fråga: klimat");
        assertThat(texts(english, project)).contains("Same growth area: Experience industry and technology");
        assertThat(texts(swedish, project)).contains("Samma insatsområde: Upplevelseindustri/upplevelseteknologi");
        assertThat(texts(english, theirs)).contains("Their project seeks a private partner", "Seeks what you offer",
                "Kainuu Adventures " + tag + " in Kainuu");
        assertThat(texts(swedish, theirs)).contains("Deras projekt söker en privat partner", "Söker det ni erbjuder");
        assertThat(match(english, theirs).path("kind").asString()).isEqualTo("INTEREST");
        assertThat(match(english, theirs).path("organisationId").asString()).isEqualTo(adventures);
        assertThat(match(english, kajaani).path("country").asString()).isEqualTo("FI");
        assertThat(ids(api.anonymous().get("/api/interests/{id}/matches?limit=100", ours).body()))
                .as("a project shared with the county is not for anonymous callers")
                .contains(twinCity, theirs).doesNotContain(project);
        assertThat(ids(api.as(TestTokens.partner(municipality)).get("/api/interests/{id}/matches?limit=100", ours)
                .body())).contains(project);
        assertThat(api.get("/api/interests/{id}/matches?limit=1", ours).body().path("matches").size()).isEqualTo(1);
        api.refused(HttpMethod.GET, "/api/interests/" + ours + "/matches?limit=0", null, null, UNPROCESSABLE);
        assertThat(api.anonymous().get("/api/interests/match-weights").body().path("place").asDouble()).isEqualTo(30);
    }

    @Test
    void callsAndWhatMightAnswerThemAreMatchedBothWaysButNeverIntroduced() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String kajaani = organisation(api, "Kajaani " + tag, "FOREIGN_CITY", "FI", "region", "FI-05");
        String twinCity = api.create("/api/partnerships", partnership("Vänort Kajaani " + tag, "TWIN_CITY",
                List.of(municipality, kajaani), "responsibleDepartmentId", department, "visibility", "PUBLIC",
                "themes", List.of("CLIMATE")));
        String project = UUID.randomUUID().toString();
        publishProject(project, "Arctic Experience " + tag, department, "PUBLIC", kajaani);
        String seeks = companyApi.create("/api/interests", interest(company, "SEEKS", "Partner till en ansökan " + tag,
                "purposes", List.of("APPLICATION_PARTNERS"), "countries", List.of("FI"), "themes", List.of("CLIMATE"),
                "visibility", "PUBLIC"));
        String internal = companyApi.create("/api/interests", interest(company, "OFFERS", "Internt " + tag,
                "purposes", List.of("COMPETENCE"), "visibility", "INTERNAL"));
        String call = api.create("/api/calls", TestData.call("Småprojekt " + tag, LocalDate.now(ZoneOffset.UTC)
                .plusDays(25), "eligibleCountries", List.of("SE", "FI", "NO"), "eligibleOrganisationTypes",
                List.of("COMPANY", "MUNICIPALITY"), "themes", List.of("CLIMATE"), "growthAreas",
                List.of("EXPERIENCE_INDUSTRY")));

        JsonNode english = api.get("/api/calls/{id}/matches?limit=100", call).body();
        JsonNode swedish = api.inLanguage("sv").get("/api/calls/{id}/matches?limit=100", call).body();
        JsonNode ours = api.inLanguage("sv").get("/api/interests/{id}/matches?limit=100", seeks).body();

        assertThat(english.path("callId").asString()).isEqualTo(call);
        assertThat(ids(english)).contains(twinCity, project, seeks, internal);
        assertThat(match(english, project).path("kind").asString()).isEqualTo("PROJECT");
        assertThat(texts(english, seeks)).contains("Storsjö Upplevelser AB in Sweden", "Interested in Finland",
                "Same global theme: climate", "Seeks application partners", "Eligible kind of organisation: company");
        assertThat(texts(swedish, seeks)).contains("Intresserade av Finland", "Söker partner för en ansökan",
                "Organisationstyp som får söka: Företag");
        assertThat(texts(english, twinCity)).contains("Kajaani " + tag + " in Finland");
        assertThat(ids(api.anonymous().get("/api/calls/{id}/matches?limit=100", call).body()))
                .as("anonymous callers see the public matches only").contains(seeks, twinCity).doesNotContain(internal);
        api.refused(HttpMethod.GET, "/api/calls/" + call + "/matches?limit=101", null, null, UNPROCESSABLE);
        assertThat(match(ours, call).path("kind").asString()).isEqualTo("CALL");
        assertThat(match(ours, call).path("organisationName").asString()).isEqualTo("Interreg Aurora");
        assertThat(texts(ours, call)).contains("Öppen för organisationer i Finland", "Samma globala fråga: klimat",
                "En utlysning passar för partner för en ansökan", "Organisationstyp som får söka: Företag",
                "Sista dag om 25 dagar");
        api.expectProblem("/api/introductions", Map.of("interestId", seeks, "counterpartKind", "CALL",
                "counterpartId", call), UNPROCESSABLE, "counterpartKind");
    }

    @Test
    void anIntroductionIsAnsweredByBothSidesAndLeadsToAProject() {
        String kajaani = organisation(api, "Kajaanin kaupunki", "FOREIGN_CITY", "FI", "region", "FI-05");
        String twinCity = api.create("/api/partnerships", partnership("Vänort Kajaani", "TWIN_CITY",
                List.of(municipality, kajaani), "responsibleDepartmentId", department, "visibility", "COUNTY"));
        String interest = companyApi.create("/api/interests", interest(company, "SEEKS", "Partner i Kainuu",
                "countries", List.of("FI"), "visibility", "COUNTY"));
        Api staff = api.as(TestTokens.staff(department));

        Api.Resource proposed = staff.created("/api/introductions", Map.of("interestId", interest,
                "counterpartKind", "PARTNERSHIP", "counterpartId", twinCity, "note", "Träffas på mässan i mars"));
        String uri = "/api/introductions/" + proposed.id();
        JsonNode introduction = proposed.body();
        assertThat(introduction.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(introduction.path("counterpartOrganisationId").asString()).isEqualTo(department);
        assertThat(introduction.path("partnershipId").asString()).isEqualTo(twinCity);
        assertThat(introduction.path("partnershipName").asString()).isEqualTo("Vänort Kajaani");
        assertThat(introduction.path("interestTitle").asString()).isEqualTo("Partner i Kainuu");
        assertThat(introduction.path("organisationName").asString()).isEqualTo("Storsjö Upplevelser AB");
        assertThat(introduction.path("proposedByOrganisationId").asString()).isEqualTo(department);
        assertThat(companyApi.get(uri).body().path("note").asString()).isEqualTo("Träffas på mässan i mars");

        api.refused(HttpMethod.POST, uri + "/outcomes", proposed.etag(), Map.of("outcome", "MEETING",
                "outcomeOn", today()), CONFLICT);
        Api.Resource answered = companyApi.change(HttpMethod.POST, uri + "/answers", proposed.etag(),
                Map.of("answer", "ACCEPTED"));
        assertThat(answered.body().path("status").asString()).isEqualTo("PROPOSED");
        companyApi.refused(HttpMethod.POST, uri + "/answers", answered.etag(), Map.of("answer", "DECLINED"), CONFLICT);
        api.refused(HttpMethod.POST, uri + "/answers", answered.etag(), Map.of("answer", "ACCEPTED"), UNPROCESSABLE);
        Api.Resource accepted = staff.change(HttpMethod.POST, uri + "/answers", answered.etag(),
                Map.of("answer", "ACCEPTED"));
        assertThat(accepted.body().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().path("answers").findValuesAsString("organisationId"))
                .containsExactly(company, department);

        Api.Resource met = companyApi.change(HttpMethod.POST, uri + "/outcomes", accepted.etag(),
                Map.of("outcome", "MEETING", "outcomeOn", today(), "note", "Bra möte"));
        Map<String, Object> registered = Map.of("outcome", "PROJECT_REGISTERED", "outcomeOn", today());
        api.refused(HttpMethod.POST, uri + "/outcomes", met.etag(), registered, UNPROCESSABLE);
        api.refused(HttpMethod.POST, uri + "/outcomes", met.etag(), Map.of("outcome", "PROJECT_REGISTERED",
                "outcomeOn", today(), "projectId", "no-such"), UNPROCESSABLE);
        api.refused(HttpMethod.POST, uri + "/outcomes", met.etag(), Map.of("outcome", "MEETING",
                "outcomeOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()), UNPROCESSABLE);
        assertThat(api.refused(HttpMethod.POST, uri + "/outcomes", met.etag(), Map.of("outcome", "MEETING",
                "outcomeOn", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString()), UNPROCESSABLE)
                .path("errors").findValuesAsString("field")).as("what came before the introduction")
                .containsExactly("outcomeOn");
        api.refused(HttpMethod.POST, uri + "/outcomes", null, registered, HttpStatus.PRECONDITION_REQUIRED);
        api.refused(HttpMethod.POST, uri + "/outcomes", accepted.etag(), registered, HttpStatus.PRECONDITION_FAILED);
        String project = UUID.randomUUID().toString();
        publishProject(project, "Kainuu Adventure Hub", company, "INTERNAL", kajaani);
        Api.Resource done = api.change(HttpMethod.POST, uri + "/outcomes", met.etag(), Map.of("outcome",
                "PROJECT_REGISTERED", "outcomeOn", today(), "projectId", project));

        assertThat(done.body().path("outcomes").findValuesAsString("outcome"))
                .containsExactly("MEETING", "PROJECT_REGISTERED");
        assertThat(done.body().path("outcomes").get(1).path("projectId").asString()).isEqualTo(project);
        assertThat(api.get("/api/introductions?organisationId={org}&status=ACCEPTED", company).body().path("items")
                .findValuesAsString("id")).contains(proposed.id());
        List<EventEnvelope> events = awaitEvents(PartnershipContracts.INTRODUCTIONS, proposed.id(), 5);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("se.samverka.introduction.proposed",
                "se.samverka.introduction.answered", "se.samverka.introduction.answered",
                "se.samverka.introduction.outcomeRecorded", "se.samverka.introduction.outcomeRecorded");
        assertThat(events.get(0).data()).contains("\"counterpartKind\":\"PARTNERSHIP\"",
                "\"proposedByOrganisationId\":\"" + department + "\"").doesNotContain("mässan");
        assertThat(events.get(2).data()).contains("\"status\":\"ACCEPTED\"");
        assertThat(events.get(4).data()).contains("\"projectId\":\"" + project + "\"").doesNotContain("möte");
    }

    @Test
    void aDeclinedIntroductionTakesNoMoreAnswersAndTheCoordinatorAnswersForForeignOrganisations() {
        String odense = organisation(api, "Odense Kommune", "FOREIGN_CITY", "DK");
        String interest = companyApi.create("/api/interests", interest(company, "SEEKS", "Partner i Danmark"));
        Api.Resource proposed = api.created("/api/introductions", Map.of("interestId", interest,
                "counterpartKind", "ORGANISATION", "counterpartId", odense));
        String uri = "/api/introductions/" + proposed.id();
        api.expectProblem("/api/introductions", Map.of("interestId", interest, "counterpartKind", "ORGANISATION",
                "counterpartId", company), UNPROCESSABLE, "counterpartId");

        Api.Resource declined = api.change(HttpMethod.POST, uri + "/answers", proposed.etag(),
                Map.of("organisationId", odense, "answer", "DECLINED"));

        assertThat(declined.body().path("status").asString()).isEqualTo("DECLINED");
        companyApi.refused(HttpMethod.POST, uri + "/answers", declined.etag(), Map.of("answer", "ACCEPTED"), CONFLICT);
        assertThat(awaitEvents(PartnershipContracts.INTRODUCTIONS, proposed.id(), 2).get(1).data())
                .contains("\"organisationId\":\"" + odense + "\"", "\"answer\":\"DECLINED\"", "\"status\":\"DECLINED\"");
    }

    private void expectRefused(Map<String, Object> body, String field) {
        api.expectProblem("/api/interests", body, UNPROCESSABLE, field);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static List<String> ids(JsonNode matches) {
        return matches.path("matches").findValuesAsString("id");
    }

    private static JsonNode match(JsonNode matches, String id) {
        for (JsonNode match : matches.path("matches")) {
            if (match.path("id").asString().equals(id)) {
                return match;
            }
        }
        throw new AssertionError(id + " is not among the matches: " + matches);
    }

    private static List<String> texts(JsonNode matches, String id) {
        return match(matches, id).path("reasons").findValuesAsString("text");
    }

    /** A project as project-service announces it, with a partner; once partnership-service knows it. */
    private void publishProject(String project, String title, String owner, String visibility, String partner) {
        ProjectDescription description = new ProjectDescription(null, title, null, null, null, null, owner, List.of(),
                visibility, List.of(), List.of("S3"), List.of(), List.of("EXPERIENCE_INDUSTRY"), List.of("CLIMATE"),
                List.of(), null, null, null, null);
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers())) {
            writer.send(ProjectContracts.PROJECTS, envelope(ProjectContracts.PROJECT_REGISTERED, project, 1,
                    new ProjectRegistered(project, "IDEA", description)));
            writer.send(ProjectContracts.PROJECTS, envelope(ProjectContracts.PROJECT_PARTNER_ADDED, project, 2,
                    new ProjectPartnerAdded(project, partner, "PARTNER")));
        }
        await().atMost(WAIT).until(() -> projects.project(project)
                .filter(known -> known.partnerOrganisationIds().contains(partner)).isPresent());
    }

    private static EventEnvelope envelope(EventContract<?> contract, String project, long sequence, Object data) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/project-service", contract.type(), project,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), sequence, contract.dataSchema(),
                null, EventCodec.toJson(data));
    }
}
