package se.samverka.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallWithdrawn;
import se.samverka.partnership.contracts.InterestClosed;
import se.samverka.partnership.contracts.InterestDescription;
import se.samverka.partnership.contracts.InterestStated;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.IntroductionOutcomeRecorded;
import se.samverka.partnership.contracts.IntroductionProposed;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Money;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.IndicatorDefined;
import se.samverka.project.contracts.IndicatorReported;
import se.samverka.project.contracts.Participation;
import se.samverka.project.contracts.ProjectAssessed;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectHealthChanged;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;

/**
 * Publishes a history of events as partnership-service and project-service would, with fresh ids and each aggregate's
 * sequence counted, and remembers it so that a test can deliver it all again.
 */
final class History implements AutoCloseable {

    /** An event as it went to its topic. */
    record Published(String topic, EventEnvelope event) {
    }

    private final KafkaRecordWriter writer;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Published> published = new ArrayList<>();
    private OffsetDateTime clock = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    History(String bootstrapServers) {
        this.writer = new KafkaRecordWriter(bootstrapServers);
    }

    String organisation(String name, String type, String country, String region) {
        return organisation(name, null, type, country, region);
    }

    String organisation(String name, String nameEn, String type, String country, String region) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.ORGANISATION_REGISTERED, id, new OrganisationRegistered(id,
                description(name, nameEn, type, country, region)));
        return id;
    }

    /** Registers an organisation under an id that events published before may have named already. */
    void organisationNamedBefore(String id, String name, String type, String country) {
        publish(PartnershipContracts.ORGANISATION_REGISTERED, id, new OrganisationRegistered(id,
                description(name, null, type, country, null)));
    }

    void organisationUpdated(String id, String name, String type, String country) {
        publish(PartnershipContracts.ORGANISATION_UPDATED, id, new OrganisationUpdated(id,
                description(name, null, type, country, null)));
    }

    private static OrganisationDescription description(String name, String nameEn, String type, String country,
                                                       String region) {
        String sector = switch (type) {
            case "COMPANY" -> "PRIVATE";
            case "SOCIAL_ECONOMY" -> "SOCIAL_ECONOMY";
            default -> "PUBLIC";
        };
        return new OrganisationDescription(name, nameEn, type, sector, country, region, null, null, null, true);
    }

    String partnership(String name, String type, String status, String responsibleDepartmentId, List<String> strategies,
                       String... partyIds) {
        String id = UUID.randomUUID().toString();
        List<Party> parties = Arrays.stream(partyIds).map(party -> new Party(party, "PARTNER")).toList();
        publish(PartnershipContracts.PARTNERSHIP_REGISTERED, id, new PartnershipRegistered(id, status, List.of(partyIds),
                parties, new PartnershipDescription(name, null, null, type, "PUBLIC", responsibleDepartmentId, List.of(),
                        strategies)));
        return id;
    }

    /** A partnership of the visibility given, its parties partners. */
    String partnership(String name, String type, String status, String responsibleDepartmentId, String visibility,
                       String... partyIds) {
        String id = UUID.randomUUID().toString();
        List<Party> parties = Arrays.stream(partyIds).map(party -> new Party(party, "PARTNER")).toList();
        publish(PartnershipContracts.PARTNERSHIP_REGISTERED, id, new PartnershipRegistered(id, status, List.of(partyIds),
                parties, new PartnershipDescription(name, null, null, type, visibility, responsibleDepartmentId,
                        List.of(), List.of())));
        return id;
    }

    void partnershipStatus(String id, String from, String to) {
        publish(PartnershipContracts.PARTNERSHIP_STATUS_CHANGED, id, new PartnershipStatusChanged(id, from, to, null, false));
    }

    String project(String title, String ownerId, List<String> strategies, List<String> growthAreas,
                   List<String> partnershipIds, LocalDate start, LocalDate end) {
        return project(UUID.randomUUID().toString(), title, ownerId, strategies, growthAreas, partnershipIds, start, end);
    }

    String project(String id, String title, String ownerId, List<String> strategies, List<String> growthAreas,
                   List<String> partnershipIds, LocalDate start, LocalDate end) {
        publish(ProjectContracts.PROJECT_REGISTERED, id, new ProjectRegistered(id, "IDEA", new ProjectDescription(null,
                title, null, null, null, "KS 2026/1", ownerId, List.of(), "COUNTY", partnershipIds, strategies,
                List.of(), growthAreas, List.of(), List.of(), start, end, null, null)));
        return id;
    }

    /** A project of the visibility given, in the partnerships given. */
    String project(String title, String ownerId, String visibility, List<String> partnershipIds) {
        String id = UUID.randomUUID().toString();
        publish(ProjectContracts.PROJECT_REGISTERED, id, new ProjectRegistered(id, "IDEA", new ProjectDescription("OD",
                title, null, null, null, "KS 2026/17", ownerId, List.of(), visibility, partnershipIds, List.of("S1"),
                List.of(), List.of(), List.of(), List.of(11), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31),
                null, null)));
        return id;
    }

    void status(String projectId, String from, String to) {
        publish(ProjectContracts.PROJECT_STATUS_CHANGED, projectId, new ProjectStatusChanged(projectId, from, to, null));
    }

    void health(String projectId, String health) {
        publish(ProjectContracts.PROJECT_HEALTH_CHANGED, projectId,
                new ProjectHealthChanged(projectId, health, LocalDate.of(2026, 5, 1)));
    }

    void partner(String projectId, String organisationId, String role) {
        publish(ProjectContracts.PROJECT_PARTNER_ADDED, projectId, new ProjectPartnerAdded(projectId, organisationId, role));
    }

    String fundingLine(String projectId, String programme, Money applied, Money granted, Money paid, Money own,
                       LocalDate decidedOn) {
        FundingLine line = new FundingLine("f-" + UUID.randomUUID().toString().substring(0, 8), programme, null, null,
                applied, granted, paid, own, decidedOn, false);
        publish(ProjectContracts.FUNDING_LINE_ADDED, projectId, new FundingLineAdded(projectId, line));
        return line.fundingLineId();
    }

    /** A line applied for and not yet decided, internal (the municipality's eyes only) or not. */
    String fundingLine(String projectId, String programme, Money applied, boolean internal) {
        FundingLine line = new FundingLine("f-" + UUID.randomUUID().toString().substring(0, 8), programme, null, null,
                applied, null, null, null, null, internal);
        publish(ProjectContracts.FUNDING_LINE_ADDED, projectId, new FundingLineAdded(projectId, line));
        return line.fundingLineId();
    }

    void fundingLineRemoved(String projectId, String fundingLineId) {
        publish(ProjectContracts.FUNDING_LINE_REMOVED, projectId, new FundingLineRemoved(projectId, fundingLineId));
    }

    String indicator(String projectId, String kind, String name, String unit, String baseline, String target) {
        String id = "i-" + UUID.randomUUID().toString().substring(0, 8);
        publish(ProjectContracts.INDICATOR_DEFINED, projectId, new IndicatorDefined(projectId, new Indicator(id, kind, name,
                unit, baseline == null ? null : new BigDecimal(baseline), new BigDecimal(target))));
        return id;
    }

    void indicatorReport(String projectId, String indicatorId, LocalDate on, String value) {
        publish(ProjectContracts.INDICATOR_REPORTED, projectId,
                new IndicatorReported(projectId, indicatorId, on, new BigDecimal(value)));
    }

    void activity(String projectId, String type, String title, LocalDate heldOn, int women, int men) {
        Activity activity = new Activity("a-" + UUID.randomUUID().toString().substring(0, 8), type, title, heldOn,
                "Östersund", "SE", List.of(new Participation("PUBLIC", "WOMEN", women),
                new Participation("PUBLIC", "MEN", men)));
        publish(ProjectContracts.ACTIVITY_RECORDED, projectId, new ActivityRecorded(projectId, activity));
    }

    void assessed(String projectId, double score, String... unmet) {
        List<String> missing = List.of(unmet);
        List<AssessedCriterion> criteria = List.of("REGIONAL_ACTORS", "MUNICIPAL_OPERATIONS", "MUTUAL_INTEREST",
                "CLEAR_RESULTS", "GROWTH_AREAS").stream()
                .map(criterion -> new AssessedCriterion(criterion, missing.contains(criterion) ? 0 : 20, 20,
                        !missing.contains(criterion)))
                .toList();
        publish(ProjectContracts.PROJECT_ASSESSED, projectId, new ProjectAssessed(projectId, score, 100, criteria));
    }

    String call(String programme, String name) {
        return call(programme, name, "PUBLIC");
    }

    String call(String programme, String name, String visibility) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.CALL_PUBLISHED, id, new CallPublished(id, new CallDescription(programme, name, null,
                null, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 3, 31), money("1500000.00", "EUR"), List.of(),
                List.of(), List.of(), List.of(), List.of(), "https://example.org/calls/" + id, visibility)));
        return id;
    }

    void callWithdrawn(String id) {
        publish(PartnershipContracts.CALL_WITHDRAWN, id, new CallWithdrawn(id));
    }

    String interest(String organisationId, String direction) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.INTEREST_STATED, id, new InterestStated(id, new InterestDescription(organisationId,
                direction, List.of("EXPORT"), "Intresse", null, List.of("FI"), List.of(), List.of(), List.of(),
                List.of(), null, LocalDate.now().plusYears(1), "COUNTY")));
        return id;
    }

    void interestClosed(String id, String reason) {
        publish(PartnershipContracts.INTEREST_CLOSED, id, new InterestClosed(id, reason));
    }

    String introduction(String interestId, String organisationId, String counterpartOrganisationId,
                        String partnershipId) {
        String id = UUID.randomUUID().toString();
        publish(PartnershipContracts.INTRODUCTION_PROPOSED, id, new IntroductionProposed(id, interestId, organisationId,
                "ORGANISATION", counterpartOrganisationId, counterpartOrganisationId, partnershipId, null));
        return id;
    }

    void answered(String introductionId, String organisationId, String answer, String status) {
        publish(PartnershipContracts.INTRODUCTION_ANSWERED, introductionId,
                new IntroductionAnswered(introductionId, organisationId, answer, status));
    }

    void outcome(String introductionId, String outcome, String projectId) {
        publish(PartnershipContracts.INTRODUCTION_OUTCOME_RECORDED, introductionId,
                new IntroductionOutcomeRecorded(introductionId, outcome, LocalDate.of(2026, 10, 1), projectId));
    }

    /** An event of a type no service publishes yet, in its aggregate's sequence. */
    void unknownEvent(String topic, String aggregateId) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum);
        send(topic, new EventEnvelope(UUID.randomUUID().toString(), "/test", "se.samverka.project.somethingNew",
                aggregateId, tick(), sequence, null, null, "{\"projectId\":\"" + aggregateId + "\"}"));
    }

    /** Every event published so far, once more, in the same order. */
    void deliverAgain() {
        List.copyOf(published).forEach(event -> writer.send(event.topic(), event.event()));
    }

    /** How many events were published. */
    int size() {
        return published.size();
    }

    KafkaRecordWriter writer() {
        return writer;
    }

    static Money sek(String amount) {
        return new Money(new BigDecimal(amount), "SEK");
    }

    static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    private <T> void publish(EventContract<T> contract, String aggregateId, T data) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum);
        send(contract.topic(), new EventEnvelope(UUID.randomUUID().toString(), "/test", contract.type(), aggregateId,
                tick(), sequence, contract.dataSchema(), null, EventCodec.toJson(data)));
    }

    private void send(String topic, EventEnvelope event) {
        writer.send(topic, event);
        published.add(new Published(topic, event));
    }

    /** Each event a millisecond after the one before, so that "latest" is well defined. */
    private OffsetDateTime tick() {
        clock = clock.plusNanos(1_000_000);
        return clock;
    }

    @Override
    public void close() {
        writer.close();
    }
}
