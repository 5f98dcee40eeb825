package se.samverka.project;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallWithdrawn;
import se.samverka.partnership.contracts.ContactPersonAdded;
import se.samverka.partnership.contracts.ContactPersonRemoved;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.project.directory.Directory;

/**
 * Publishes what partnership-service would (organisations, contact persons, partnerships, funding calls), in each
 * aggregate's sequence, and waits until project-service has learnt it.
 */
final class Announcements {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String bootstrapServers;
    private final Directory directory;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    Announcements(String bootstrapServers, Directory directory) {
        this.bootstrapServers = bootstrapServers;
        this.directory = directory;
    }

    String organisation(String name, String type, String country, String region) {
        return organisation(name, type, country, region, null);
    }

    String organisation(String name, String type, String country, String region, String parent) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.ORGANISATION_REGISTERED, id, new OrganisationRegistered(id,
                new OrganisationDescription(name, null, type, "PUBLIC", country, region, null, null, parent, true)));
        await().atMost(WAIT).until(() -> directory.organisation(id).isPresent());
        return id;
    }

    String contactPerson(String organisationId) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.CONTACT_PERSON_ADDED, organisationId, new ContactPersonAdded(organisationId, id));
        await().atMost(WAIT).until(() -> directory.hasContactPerson(id));
        return id;
    }

    void contactPersonErased(String organisationId, String contactPersonId) {
        publish(PartnershipContracts.CONTACT_PERSON_REMOVED, organisationId,
                new ContactPersonRemoved(organisationId, contactPersonId, "ERASED"));
        await().atMost(WAIT).until(() -> !directory.hasContactPerson(contactPersonId));
    }

    String partnership(String name, String status) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.PARTNERSHIP_REGISTERED, id, new PartnershipRegistered(id, status, List.of("a", "b"),
                null, new PartnershipDescription(name, null, null, "TWIN_CITY", "PUBLIC", null, null, null)));
        await().atMost(WAIT).until(() -> directory.partnerships(List.of(id)).containsKey(id));
        return id;
    }

    void partnershipEnded(String id) {
        publish(PartnershipContracts.PARTNERSHIP_STATUS_CHANGED, id, new PartnershipStatusChanged(id, "UNDER_REVIEW", "ENDED",
                null, false));
        await().atMost(WAIT).until(() -> directory.partnerships(List.of(id)).get(id).hasEnded());
    }

    /** A call of the register, its deadline 60 days from today. */
    String call(String name, String programme) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.CALL_PUBLISHED, id, new CallPublished(id, new CallDescription(programme, name,
                null, null, null, LocalDate.now().plusDays(60), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), null, "PUBLIC")));
        await().atMost(WAIT).until(() -> directory.calls(List.of(id)).containsKey(id));
        return id;
    }

    void callWithdrawn(String id) {
        publish(PartnershipContracts.CALL_WITHDRAWN, id, new CallWithdrawn(id));
        await().atMost(WAIT).until(() -> directory.calls(List.of(id)).get(id).withdrawn());
    }

    private <T> void publish(EventContract<T> contract, String aggregateId, T data) {
        long sequence = sequences.computeIfAbsent(aggregateId, id -> new AtomicLong()).incrementAndGet();
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers)) {
            writer.send(contract.topic(), new EventEnvelope(UUID.randomUUID().toString(), "/partnership-service",
                    contract.type(), aggregateId, OffsetDateTime.now(), sequence, contract.dataSchema(), null,
                    EventCodec.toJson(data)));
        }
    }
}
