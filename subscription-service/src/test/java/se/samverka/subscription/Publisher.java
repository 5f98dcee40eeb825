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
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Money;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.events.project.FundingLine;
import se.samverka.platform.events.project.FundingLineAdded;
import se.samverka.platform.events.project.ProjectPartnerAdded;
import se.samverka.platform.events.project.ProjectRegistered;
import se.samverka.platform.events.project.ProjectStatusChanged;
import se.samverka.platform.events.project.ProjectUpdated;
import se.samverka.platform.test.KafkaRecordWriter;

/** Publishes events as partnership-service and project-service would, counting each aggregate's sequence. */
final class Publisher implements AutoCloseable {

    private final KafkaRecordWriter writer;
    private final Map<String, Long> sequences = new HashMap<>();

    Publisher(String bootstrapServers) {
        this.writer = new KafkaRecordWriter(bootstrapServers);
    }

    String organisation(String country) {
        String id = UUID.randomUUID().toString();
        publish(EventCatalog.ORGANISATION_REGISTERED, id,
                new OrganisationRegistered(id, "Org " + id, null, "MUNICIPALITY", "PUBLIC", country, null, null, null, null, true));
        return id;
    }

    EventEnvelope project(String id, String owner, String visibility) {
        return publish(EventCatalog.PROJECT_REGISTERED, id, new ProjectRegistered(id, "ACR", "Projekt " + id, owner, "IDEA",
                visibility, List.of(), null, "Sammanfattning", null, "KS 2026/1", List.of("cp-1", "cp-2"),
                List.of("S1"), List.of(), List.of("TOURISM"), List.of(), List.of(), null, null, null, null));
    }

    EventEnvelope update(String id, String owner, String visibility) {
        return publish(EventCatalog.PROJECT_UPDATED, id, new ProjectUpdated(id, "ACR", "Projekt " + id, null,
                "Sammanfattning", null, "KS 2026/1", owner, List.of("cp-1"), visibility, List.of(), List.of("S1"),
                List.of(), List.of("TOURISM"), List.of(), List.of(), null, null, null, null));
    }

    EventEnvelope status(String id, String from, String to) {
        return publish(EventCatalog.PROJECT_STATUS_CHANGED, id, new ProjectStatusChanged(id, from, to, null));
    }

    EventEnvelope partner(String id, String organisationId) {
        return publish(EventCatalog.PROJECT_PARTNER_ADDED, id, new ProjectPartnerAdded(id, organisationId, "PARTNER"));
    }

    EventEnvelope funding(String id, String programme, boolean internal) {
        FundingLine line = new FundingLine("f-" + UUID.randomUUID(), programme, null,
                new Money(new BigDecimal("100000.00"), "SEK"), null, null, null, LocalDate.of(2026, 5, 1), internal);
        return publish(EventCatalog.FUNDING_LINE_ADDED, id, new FundingLineAdded(id, line));
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
