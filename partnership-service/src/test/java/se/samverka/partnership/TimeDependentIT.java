package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.partnership.TestData.contactPerson;
import static se.samverka.partnership.TestData.interest;
import static se.samverka.partnership.TestData.organisation;
import static se.samverka.partnership.TestData.partnership;
import static se.samverka.project.contracts.TestEvents.projectRegistered;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import se.samverka.partnership.activity.ActivityLog;
import se.samverka.partnership.activity.DormancyCheck;
import se.samverka.partnership.broker.interest.InterestExpiry;
import se.samverka.partnership.call.CallDeadlines;
import se.samverka.partnership.contact.ContactPersons;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.partnership.register.AgreementDueCheck;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ConsumerMeters;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.platform.test.MutableClock;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.project.contracts.ProjectContracts;
import tools.jackson.databind.JsonNode;

/**
 * What happens as months pass: partnerships fall dormant and wake with project activity; contact data and interests
 * expire; funding calls' deadlines and agreements' dates come near and pass. The scheduled checks of calls and
 * agreements run only when a test runs them, on the clock it moves.
 */
@Import(TimeDependentIT.Clocks.class)
@TestPropertySource(properties = {"samverka.calls.deadline-check-delay=P1D",
        "samverka.partnerships.agreement-check-delay=P1D"})
class TimeDependentIT extends ServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROJECT_EVENTS = "projectEvents-in-0";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    DormancyCheck dormancy;
    @Autowired
    InterestExpiry expiry;
    @Autowired
    ActivityLog activity;
    @Autowired
    ContactPersons contactPersons;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CallDeadlines deadlines;
    @Autowired
    AgreementDueCheck agreements;

    private String municipality;

    @BeforeEach
    void client() {
        municipality = organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE");
    }

    @Test
    void aPartnershipWithoutActivityFallsDormantAndProjectActivityWakesIt() {
        String id = activePartnership("Vänort Kajaani");
        clock.advance(Period.ofMonths(13));

        assertThat(dormancy.markDormant()).isGreaterThanOrEqualTo(1);

        JsonNode dormant = api.get("/api/partnerships/{id}", id).body();
        assertThat(dormant.path("status").asString()).isEqualTo("DORMANT");
        JsonNode step = dormant.path("history").get(dormant.path("history").size() - 1);
        assertThat(step.path("automatic").asBoolean()).isTrue();
        assertThat(step.path("by").asString()).isEqualTo("samverka");
        assertThat(step.path("reason").asString()).startsWith("No activity since");

        String project = UUID.randomUUID().toString();
        publishProject(project, 1, clock.instant().plusSeconds(60), List.of(id));

        await().atMost(WAIT).until(() -> status(id).equals("ACTIVE"));
        JsonNode awake = api.get("/api/partnerships/{id}", id).body();
        assertThat(awake.path("projectIds").toString()).contains(project);
        assertThat(awake.path("lastActivityAt").asString()).isNotEmpty();
        List<EventEnvelope> events = kafka.eventsOf(PartnershipContracts.PARTNERSHIPS, id);
        assertThat(events.subList(events.size() - 2, events.size())).extracting(EventEnvelope::data)
                .allMatch(data -> data.contains("\"automatic\":true"))
                .anyMatch(data -> data.contains("\"to\":\"DORMANT\""))
                .anyMatch(data -> data.contains("\"to\":\"ACTIVE\""));
    }

    @Test
    void projectEventsThatArriveTogetherAreAppliedTogether() {
        String id = activePartnership("Vänort Sanok");
        clock.advance(Period.ofMonths(13));
        dormancy.markDormant();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Instant earlier = clock.instant().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Instant later = earlier.plusSeconds(60);
        double splitBefore = split();

        // Stopped, the consumer finds the events waiting when it starts, and takes them in one poll.
        bindings.stop(PROJECT_EVENTS);
        try {
            publishProject(first, 1, earlier, List.of(id));
            publishProject(second, 1, later, List.of(id));
            publishProject(first, 1, earlier, List.of(id));
        } finally {
            bindings.start(PROJECT_EVENTS);
        }

        await().atMost(WAIT).until(() -> status(id).equals("ACTIVE")
                && activity.lastActivity(id).filter(later::equals).isPresent());
        assertThat(api.get("/api/partnerships/{id}", id).body().path("projectIds").toString())
                .contains(first).contains(second);
        assertThat(ConsumerMeters.largestBatch(meters, "partnership-activity")).isGreaterThanOrEqualTo(3);
        assertThat(split()).isEqualTo(splitBefore);
    }

    private double split() {
        return ConsumerMeters.count(meters, "samverka.events.batches.split", "partnership-activity");
    }

    @Test
    void anyChangeOfALinkedProjectCountsAsActivity() {
        String id = activePartnership("Mittnorden");
        String project = UUID.randomUUID().toString();
        clock.advance(Period.ofMonths(6));
        publishProject(project, 1, clock.instant(), List.of(id));
        clock.advance(Period.ofMonths(6));
        Instant later = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // A kind of project event this service has never heard of, and which does not name the partnership.
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers())) {
            writer.send(ProjectContracts.PROJECTS, new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                    "se.samverka.project.activityRecorded", project, OffsetDateTime.ofInstant(later, ZoneOffset.UTC), 2,
                    null, null, "{\"projectId\":\"" + project + "\"}"));
        }
        await().atMost(WAIT).until(() -> activity.lastActivity(id).filter(at -> !at.isBefore(later)).isPresent());

        clock.advance(Period.ofMonths(5));
        dormancy.markDormant();

        assertThat(status(id)).as("the last activity is five months old").isEqualTo("ACTIVE");
    }

    @Test
    void activityFromBeforeTheDormancyDoesNotWakeAPartnership() {
        String id = activePartnership("Vänort Odense");
        Instant meanwhile = clock.instant().plus(Duration.ofDays(1));
        clock.advance(Period.ofMonths(13));
        dormancy.markDormant();

        publishProject(UUID.randomUUID().toString(), 1, meanwhile, List.of(id));

        await().atMost(WAIT).until(() -> activity.lastActivity(id).isPresent());
        assertThat(status(id)).isEqualTo("DORMANT");
    }

    @Test
    void contactDataIsDeletedOnceItsRetentionDatePasses() {
        String organisation = organisation(api, "Sanoks kommun", "FOREIGN_CITY", "PL");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String person = api.create("/api/organisations/" + organisation + "/contact-persons",
                contactPerson("Piotr Nowak", "p.nowak@sanok.pl", tomorrow));
        clock.advance(Duration.ofDays(3));

        contactPersons.removeExpired();

        api.refused(HttpMethod.GET, "/api/contact-persons/" + person, null, null, HttpStatus.NOT_FOUND);
        List<EventEnvelope> events = await().atMost(WAIT).until(
                () -> kafka.eventsOf(PartnershipContracts.ORGANISATIONS, organisation),
                found -> found.size() == 3);
        assertThat(events.get(2).data()).contains("\"reason\":\"RETENTION_EXPIRED\"").doesNotContain("Nowak");
    }

    @Test
    void twoInstancesSweepingAtOnceEachFinishAndEveryExpiredPersonIsDeleted() throws Exception {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        List<String> persons = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            String organisation = organisation(api, "Gmina " + n, "FOREIGN_CITY", "PL");
            persons.add(api.create("/api/organisations/" + organisation + "/contact-persons",
                    contactPerson("Osoba " + n, "osoba" + n + "@gmina.pl", tomorrow)));
        }
        clock.advance(Duration.ofDays(3));

        // Two instances of the service run the same sweep at the same time, over the same persons.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> sweeps = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                sweeps.add(instances.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    contactPersons.removeExpired();
                    return null;
                }));
            }
            for (Future<?> sweep : sweeps) {
                sweep.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        for (String person : persons) {
            api.refused(HttpMethod.GET, "/api/contact-persons/" + person, null, null, HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void anInterestPastItsLastDayIsClosedOnceAsExpired() {
        String company = organisation(api, "Frösö Turism AB", "COMPANY", "SE");
        String id = api.create("/api/interests", interest(company, "OFFERS", "Vintertur",
                "validUntil", LocalDate.now(clock).plusDays(1).toString()));
        expiry.closeExpired();
        assertThat(api.get("/api/interests/{id}", id).body().path("status").asString()).isEqualTo("OPEN");
        clock.advance(Duration.ofDays(3));

        assertThat(expiry.closeExpired()).isGreaterThanOrEqualTo(1);
        expiry.closeExpired();

        Api.Resource expired = api.get("/api/interests/{id}", id);
        assertThat(expired.body().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.etag()).as("closed once, by the first check").isEqualTo("\"2\"");
        assertThat(awaitEvents(PartnershipContracts.INTERESTS, id, 2).get(1).data()).contains("\"reason\":\"EXPIRED\"");
    }

    @Test
    void aCallsDeadlineIsAnnouncedOncePerLeadTimeAndItsClosingOnceWhoeverChecks() throws Exception {
        LocalDate deadline = LocalDate.now(clock).plusDays(40);
        String call = api.create("/api/calls", TestData.call("Interreg Aurora, småprojekt", deadline));
        checkTwiceAtOnce(deadlines::announce);
        assertThat(calls(call)).containsExactly("published");

        clock.advance(Duration.ofDays(10));
        checkTwiceAtOnce(deadlines::announce);
        clock.advance(Duration.ofDays(23));
        checkTwiceAtOnce(deadlines::announce);
        checkTwiceAtOnce(deadlines::announce);
        JsonNode closing = api.get("/api/calls/{id}", call).body();
        assertThat(closing.path("status").asString()).isEqualTo("OPEN");
        assertThat(closing.path("daysLeft").asInt()).isEqualTo(7);
        clock.advance(Duration.ofDays(8));
        checkTwiceAtOnce(deadlines::announce);

        Api.Resource closed = api.get("/api/calls/{id}", call);
        assertThat(closed.body().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.etag()).as("published and three notices, each once").isEqualTo("\"4\"");
        List<EventEnvelope> events = awaitEvents(PartnershipContracts.CALLS, call, 4);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(PartnershipContracts.CALL_PUBLISHED.type(),
                PartnershipContracts.CALL_CLOSING_SOON.type(), PartnershipContracts.CALL_CLOSING_SOON.type(),
                PartnershipContracts.CALL_CLOSED.type());
        assertThat(events.get(1).data()).contains("\"daysLeft\":30", "\"deadline\":\"" + deadline + "\"");
        assertThat(events.get(2).data()).contains("\"daysLeft\":7");
    }

    @Test
    void aDeadlineCheckAfterDowntimeSendsOnlyTheNoticeDueNow() {
        String soon = api.create("/api/calls", TestData.call("Erasmus+ KA2", LocalDate.now(clock).plusDays(40)));
        String later = api.create("/api/calls", TestData.call("CERV town twinning", LocalDate.now(clock).plusDays(45)));
        clock.advance(Duration.ofDays(37));

        deadlines.announce();

        assertThat(calls(soon)).containsExactly("published", "closingSoon");
        assertThat(kafka.eventsOf(PartnershipContracts.CALLS, soon).get(1).data()).contains("\"daysLeft\":7");
        assertThat(kafka.eventsOf(PartnershipContracts.CALLS, later).get(1).data()).contains("\"daysLeft\":30");
        clock.advance(Duration.ofDays(30));
        deadlines.announce();
        assertThat(calls(later)).containsExactly("published", "closingSoon", "closed");
    }

    @Test
    void anExpiredAgreementMovesThePartnershipToReviewAndIsAnnouncedOnce() throws Exception {
        LocalDate validTo = LocalDate.now(clock).plusDays(20);
        String id = activePartnership("Vänort Jilin", Map.of("type", "AGREEMENT", "signedOn", "2020-01-15",
                "validFrom", "2020-02-01", "validTo", validTo.toString()));
        checkTwiceAtOnce(agreements::announce);

        JsonNode coming = api.get("/api/partnerships/{id}", id).body();
        assertThat(coming.path("agreementDue").toString())
                .isEqualTo("[{\"due\":\"EXPIRY\",\"dueOn\":\"" + validTo + "\",\"daysLeft\":20}]");
        assertThat(due(api, 30)).contains("\"partnershipId\":\"" + id + "\"");
        assertThat(due(api, 19)).doesNotContain(id);
        assertThat(due(api.anonymous(), 30)).as("an internal partnership").doesNotContain(id);

        clock.advance(Duration.ofDays(21));
        checkTwiceAtOnce(agreements::announce);
        checkTwiceAtOnce(agreements::announce);

        JsonNode reviewed = api.get("/api/partnerships/{id}", id).body();
        assertThat(reviewed.path("status").asString()).isEqualTo("UNDER_REVIEW");
        JsonNode step = reviewed.path("history").get(reviewed.path("history").size() - 1);
        assertThat(step.path("automatic").asBoolean()).isTrue();
        assertThat(step.path("reason").asString()).isEqualTo("Agreement expired on " + validTo);
        assertThat(due(api, 0)).contains("\"dueOn\":\"" + validTo + "\",\"daysLeft\":-1");
        List<EventEnvelope> events = awaitEvents(PartnershipContracts.PARTNERSHIPS, id, 8);
        assertThat(events).as("registered, agreement, two steps and a decision, then the notices").hasSize(8)
                .extracting(EventEnvelope::type).endsWith(
                PartnershipContracts.PARTNERSHIP_AGREEMENT_COMING_DUE.type(),
                PartnershipContracts.PARTNERSHIP_AGREEMENT_DUE.type(),
                PartnershipContracts.PARTNERSHIP_STATUS_CHANGED.type());
        assertThat(events.get(5).data()).contains("\"due\":\"EXPIRY\"", "\"daysLeft\":30");
        assertThat(events.get(7).data()).contains("\"to\":\"UNDER_REVIEW\"", "\"automatic\":true");
    }

    /** Two instances of the service running the same check at the same time. */
    private static void checkTwiceAtOnce(Callable<Integer> check) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> checks = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                checks.add(instances.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return check.call();
                }));
            }
            for (Future<Integer> done : checks) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }
    }

    /** The verbs of the call's events on its topic, once they are all published. */
    private List<String> calls(String call) {
        long version = Long.parseLong(api.get("/api/calls/{id}", call).etag().replace("\"", ""));
        return awaitEvents(PartnershipContracts.CALLS, call, (int) version).stream()
                .map(event -> event.type().substring("se.samverka.call.".length())).toList();
    }

    private static String due(Api caller, int withinDays) {
        return caller.get("/api/partnerships/agreements/due?withinDays=" + withinDays).body().toString();
    }

    private String activePartnership(String name) {
        return activePartnership(name, Map.of("type", "AGREEMENT", "signedOn", "2020-01-15"));
    }

    /** An INTERNAL twin city that came to be ACTIVE under this agreement. */
    private String activePartnership(String name, Map<String, Object> agreement) {
        String other = organisation(api, name + " partner", "FOREIGN_CITY", "FI");
        Api.Resource p = api.created("/api/partnerships", partnership(name, "TWIN_CITY", List.of(municipality, other)));
        String uri = "/api/partnerships/" + p.id();
        p = api.change(HttpMethod.PUT, uri + "/agreement", p.etag(), agreement);
        p = api.change(HttpMethod.POST, uri + "/transitions", p.etag(), Map.of("to", "LETTER_OF_INTENT", "reason", "Avtal"));
        p = api.change(HttpMethod.POST, uri + "/decisions", p.etag(), Map.of("body", "Kommunstyrelsen", "decidedOn", "2020-02-01"));
        api.change(HttpMethod.POST, uri + "/transitions", p.etag(), Map.of("to", "ACTIVE", "reason", "Beslut", "decisionId", "d1"));
        return p.id();
    }

    private String status(String id) {
        return api.get("/api/partnerships/{id}", id).body().path("status").asString();
    }

    private void publishProject(String project, long sequence, Instant at, List<String> partnerships) {
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers())) {
            writer.send(ProjectContracts.PROJECTS, new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                    ProjectContracts.PROJECT_REGISTERED.type(), project, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), sequence,
                    ProjectContracts.PROJECT_REGISTERED.dataSchema(), null, EventCodec.toJson(projectRegistered(project,
                    null, "Projekt", "owner", "ONGOING", "INTERNAL", partnerships))));
        }
    }
}
