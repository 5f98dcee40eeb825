package se.samverka.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.samverka.partnership.contracts.CallClosingSoon;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallUpdated;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Money;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;

/** Publishes events as partnership-service and project-service would, counting each aggregate's sequence. */
final class Publisher implements AutoCloseable {

    private final KafkaRecordWriter writer;
    private final Map<String, Long> sequences = new HashMap<>();

    Publisher(String bootstrapServers) {
        this.writer = new KafkaRecordWriter(bootstrapServers);
    }

    String organisation(String country) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.ORGANISATION_REGISTERED, id, new OrganisationRegistered(id,
                new OrganisationDescription("Org " + id, null, "MUNICIPALITY", "PUBLIC", country, null, null, null, null,
                        true)));
        return id;
    }

    String partnership(String visibility, String responsibleDepartmentId) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.PARTNERSHIP_REGISTERED, id, new PartnershipRegistered(id, "ACTIVE", List.of(),
                List.of(), new PartnershipDescription("Partnerskap " + id, null, null, "TWIN_CITY", visibility,
                        responsibleDepartmentId, List.of(), List.of())));
        return id;
    }

    EventEnvelope project(String id, String owner, String visibility) {
        return project(id, owner, visibility, List.of());
    }

    EventEnvelope project(String id, String owner, String visibility, List<String> partnershipIds) {
        return publish(ProjectContracts.PROJECT_REGISTERED, id, new ProjectRegistered(id, "IDEA",
                description(id, owner, visibility, List.of("cp-1", "cp-2"), partnershipIds)));
    }

    EventEnvelope update(String id, String owner, String visibility) {
        return publish(ProjectContracts.PROJECT_UPDATED, id,
                new ProjectUpdated(id, description(id, owner, visibility, List.of("cp-1"), List.of())));
    }

    private static ProjectDescription description(String id, String owner, String visibility,
                                                  List<String> contactPersonIds, List<String> partnershipIds) {
        return new ProjectDescription("ACR", "Projekt " + id, null, "Sammanfattning", null, "KS 2026/1", owner,
                contactPersonIds, visibility, partnershipIds, List.of("S1"), List.of(), List.of("TOURISM"), List.of(),
                List.of(), null, null, null, null);
    }

    EventEnvelope status(String id, String from, String to) {
        return publish(ProjectContracts.PROJECT_STATUS_CHANGED, id, new ProjectStatusChanged(id, from, to, null));
    }

    EventEnvelope partner(String id, String organisationId) {
        return publish(ProjectContracts.PROJECT_PARTNER_ADDED, id, new ProjectPartnerAdded(id, organisationId, "PARTNER"));
    }

    EventEnvelope funding(String id, String programme, boolean internal) {
        FundingLine line = new FundingLine("f-" + UUID.randomUUID(), programme, null, null,
                new Money(new BigDecimal("100000.00"), "SEK"), null, null, null, LocalDate.of(2026, 5, 1), internal);
        return publish(ProjectContracts.FUNDING_LINE_ADDED, id, new FundingLineAdded(id, line));
    }

    EventEnvelope call(String id, String visibility) {
        return publish(PartnershipContracts.CALL_PUBLISHED, id, new CallPublished(id, callDescription(id, visibility)));
    }

    EventEnvelope callUpdated(String id, String visibility) {
        return publish(PartnershipContracts.CALL_UPDATED, id, new CallUpdated(id, callDescription(id, visibility)));
    }

    EventEnvelope closingSoon(String id, int daysLeft) {
        return publish(PartnershipContracts.CALL_CLOSING_SOON, id,
                new CallClosingSoon(id, LocalDate.of(2027, 2, 15), daysLeft));
    }

    private static CallDescription callDescription(String id, String visibility) {
        return new CallDescription("INTERREG_AURORA", "Utlysning " + id, "Call " + id, "Samarbete över gränsen",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 15), new Money(new BigDecimal("5000000.00"), "EUR"),
                List.of("CLIMATE"), List.of(), List.of("S1"), List.of("SE", "FI", "NO"), List.of("MUNICIPALITY"),
                "https://www.interreg-aurora.eu", visibility);
    }

    /** Sends an event again, exactly as before: a redelivered record. */
    void again(EventEnvelope event) {
        writer.send(EventCatalog.forType(event.type()).orElseThrow().topic(), event);
    }

    <T> EventEnvelope publish(EventContract<T> contract, String aggregateId, T data) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID().toString(), "/test", contract.type(), aggregateId,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), sequence, null, null,
                EventCodec.toJson(data));
        writer.send(contract.topic(), event);
        return event;
    }

    @Override
    public void close() {
        writer.close();
    }
}
