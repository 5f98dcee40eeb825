package se.samverka.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.ContactPersonAdded;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ApplyOutcome;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;

/**
 * One event through the dispatch, with stores that hold one aggregate's entry in memory: its data is decoded at most
 * once, and it reaches the store of its topic once, and the feed exactly when the row of its type tells it.
 */
class EventDispatchTest {

    private static final Instant REGISTERED = Instant.parse("2025-03-01T09:00:00Z");
    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 4, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private final List<FeedLine> feed = new ArrayList<>();
    private int decodes;
    private InMemory<OrganisationEntry> organisations;
    private InMemory<PartnershipEntry> partnerships;
    private InMemory<ProjectEntry> projects;
    private EventDispatch dispatch;

    @BeforeEach
    void tables() {
        organisations = new InMemory<>();
        partnerships = new InMemory<>();
        projects = new InMemory<>();
        dispatch = new EventDispatch((event, contract) -> {
            decodes++;
            return EventCodec.decode(event, contract);
        }, feed::add, ReadModelTables.organisations(organisations.store, Beside.nothing()),
                ReadModelTables.partnerships(partnerships.store),
                ReadModelTables.projects(projects.store, Beside.nothing(), ZoneId.of("Europe/Stockholm")));
    }

    @Test
    void aStatusChangeIsDecodedOnceAndReachesTheProjectsEntryAndTheFeed() {
        projects.entry = ProjectEntry.registered(description("Vänort Gdynia"), "APPROVED", REGISTERED);

        ApplyOutcome outcome = dispatch.apply(ProjectContracts.PROJECTS, event(ProjectContracts.PROJECT_STATUS_CHANGED,
                "p-1", 2, new ProjectStatusChanged("p-1", "APPROVED", "ONGOING", null)));

        assertThat(outcome).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(decodes).isOne();
        assertThat(projects.applied).isOne();
        assertThat(projects.entry.status()).isEqualTo("ONGOING");
        assertThat(projects.entry.statusSince()).isEqualTo(NOW.toInstant());
        assertThat(feed).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo(ProjectContracts.PROJECT_STATUS_CHANGED.type());
            assertThat(line.subject()).isEqualTo("Vänort Gdynia");
            assertThat(line.visibility()).isEqualTo("PUBLIC");
            assertThat(line.details()).isEqualTo(Map.of("from", "APPROVED", "to", "ONGOING"));
        });
        assertThat(organisations.applied + partnerships.applied).isZero();
    }

    @Test
    void theFeedTellsTheEntryAsTheEventLeftIt() {
        projects.entry = ProjectEntry.registered(description("Before"), "IDEA", REGISTERED);

        dispatch.apply(ProjectContracts.PROJECTS, event(ProjectContracts.PROJECT_UPDATED, "p-1", 2,
                new ProjectUpdated("p-1", description("After"))));
        dispatch.apply(ProjectContracts.PROJECTS, event(ProjectContracts.PROJECT_STATUS_CHANGED, "p-1", 3,
                new ProjectStatusChanged("p-1", "IDEA", "APPLIED", null)));

        assertThat(decodes).isEqualTo(2);
        assertThat(projects.applied).isEqualTo(2);
        assertThat(projects.entry.description().title()).isEqualTo("After");
        assertThat(feed).as("an update is no news; the status change is told with the title it left")
                .singleElement().extracting(FeedLine::subject).isEqualTo("After");
    }

    @Test
    void anEventOfATypeWithoutARowIsNotDecodedAndOnlyMovesTheSequenceOn() {
        ApplyOutcome outcome = dispatch.apply(PartnershipContracts.ORGANISATIONS,
                event(PartnershipContracts.CONTACT_PERSON_ADDED, "o-1", 2, new ContactPersonAdded("o-1", "c-1")));

        assertThat(outcome).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(decodes).isZero();
        assertThat(organisations.applied).isOne();
        assertThat(feed).isEmpty();
    }

    @Test
    void anEventOfAnUnknownTypeIsNotDecodedAndOnlyMovesTheSequenceOn() {
        projects.entry = ProjectEntry.registered(description("Vänort Gdynia"), "APPROVED", REGISTERED);
        ProjectEntry before = projects.entry;

        dispatch.apply(ProjectContracts.PROJECTS, new EventEnvelope(UUID.randomUUID().toString(), "/test",
                "se.samverka.project.somethingNew", "p-1", NOW, 2, "urn:none", null, "{\"projectId\":\"p-1\"}"));

        assertThat(decodes).isZero();
        assertThat(projects.applied).isOne();
        assertThat(projects.entry).isEqualTo(before);
        assertThat(feed).isEmpty();
    }

    @Test
    void aPartnershipRegisteredBeforeRolesThemesAndStrategiesHasItsPartiesAsPartnersAndNoThemes() {
        // As partnership-service published registrations before roles, themes and strategies were added.
        String data = """
                {"partnershipId":"pa-1","status":"EXPLORING","partyOrganisationIds":["o-1","o-2"],
                 "name":"Vänort Gdynia","type":"TWIN_CITY","visibility":"PUBLIC","responsibleDepartmentId":"d-1"}""";

        dispatch.apply(PartnershipContracts.PARTNERSHIPS, new EventEnvelope(UUID.randomUUID().toString(), "/test",
                PartnershipContracts.PARTNERSHIP_REGISTERED.type(), "pa-1", NOW, 1, "urn:none", null, data));

        assertThat(decodes).isOne();
        assertThat(partnerships.entry.parties())
                .containsExactly(new Party("o-1", "PARTNER"), new Party("o-2", "PARTNER"));
        assertThat(partnerships.entry.description().themes()).isEmpty();
        assertThat(partnerships.entry.description().strategies()).isEmpty();
        assertThat(feed).singleElement().extracting(FeedLine::details)
                .isEqualTo(Map.of("partnershipType", "TWIN_CITY"));
    }

    private static ProjectDescription description(String title) {
        return new ProjectDescription("VG", title, null, "Summary", null, "KS 2025/1", "o-1", List.of("c-1"), "PUBLIC",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null);
    }

    private static <T> EventEnvelope event(EventContract<T> contract, String aggregateId, long sequence, T data) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/test", contract.type(), aggregateId, NOW, sequence,
                contract.dataSchema(), null, EventCodec.toJson(data));
    }

    /** A store's one aggregate, changed as the real store changes it: once per event applied. */
    @SuppressWarnings("unchecked")
    private static final class InMemory<V> {

        private final ProjectionStore<V> store = mock(ProjectionStore.class);
        private V entry;
        private int applied;

        private InMemory() {
            when(store.apply(any(), any(), any())).thenAnswer(call -> {
                entry = ((Function<Optional<V>, V>) call.getArgument(1)).apply(Optional.ofNullable(entry));
                applied++;
                return ApplyOutcome.APPLIED;
            });
        }
    }
}
