package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * The broker's report from its events on the real broker: the year's introductions per sector and partnership, the
 * interests and the calls; events that come again change nothing, and one that comes before its predecessor waits
 * for it. Other tests publish broker events too, so the year's totals are compared as they grew.
 */
class BrokerReportIT extends ReportingIntegrationTest {

    private static final String BROKER = "/api/reports/broker?year={y}";

    private final MeterRegistry meters;
    private final int year = LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear();

    @Autowired
    BrokerReportIT(MeterRegistry meters) {
        this.meters = meters;
    }

    @Test
    void theYearsIntroductionsInterestsAndCallsAreCountedAndCountedOnce() {
        JsonNode before = awaitReport(BROKER, settled(), year);
        String company = history.organisation("Jämtlandsbryggeriet AB", "COMPANY", "SE", "SE-Z");
        String association = history.organisation("Föreningen Vinterliv", "SOCIAL_ECONOMY", "SE", "SE-Z");
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String kajaani = history.organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI", null);
        String twinName = "Vänort Kajaani " + UUID.randomUUID();
        String twin = history.partnership(twinName, "TWIN_CITY", "ACTIVE", department, List.of("S3"), department,
                kajaani);
        String project = history.project("Öl över gränsen", company, List.of("S3"), List.of(), List.of(twin), null,
                null);
        String offer = history.interest(company, "OFFERS");
        String seeking = history.interest(association, "SEEKS");
        history.interestClosed(history.interest(company, "SEEKS"), "WITHDRAWN");
        String accepted = history.introduction(offer, company, kajaani, twin);
        history.answered(accepted, company, "ACCEPTED", "PROPOSED");
        history.answered(accepted, kajaani, "ACCEPTED", "ACCEPTED");
        history.outcome(accepted, "MEETING", null);
        history.outcome(accepted, "PROJECT_REGISTERED", project);
        String declined = history.introduction(seeking, association, kajaani, twin);
        history.answered(declined, association, "DECLINED", "DECLINED");
        history.introduction(offer, company, department, null);
        history.call("CERV_TOWN_TWINNING", "Town twinning 2027");
        history.call("CERV_TOWN_TWINNING", "Networks of towns 2027");
        history.callWithdrawn(history.call("ERASMUS_PLUS", "Entered by mistake"));

        JsonNode after = awaitReport(BROKER, report -> partnership(report, twin).path("figures").path("projects")
                .asLong() == 1 && partnership(report, twin).path("figures").path("declined").asLong() == 1
                && settled().test(report), year);

        JsonNode row = partnership(after, twin);
        assertThat(row.path("name").asString()).isEqualTo(twinName);
        assertThat(row.path("figures").path("proposed").asLong()).isEqualTo(2);
        assertThat(row.path("figures").path("accepted").asLong()).isEqualTo(1);
        assertThat(row.path("figures").path("outcomes").path("MEETING").asLong()).isEqualTo(1);
        JsonNode total = after.path("introductions").path("total");
        assertThat(grown(before, after, "/introductions/total/proposed")).isEqualTo(3);
        assertThat(grown(before, after, "/introductions/total/accepted")).isEqualTo(1);
        assertThat(grown(before, after, "/introductions/total/declined")).isEqualTo(1);
        assertThat(grown(before, after, "/introductions/total/pending")).isEqualTo(1);
        assertThat(grown(before, after, "/introductions/total/projects")).isEqualTo(1);
        assertThat(grown(before, after, "/introductions/total/outcomes/PROJECT_REGISTERED")).isEqualTo(1);
        assertThat(grown(before, after, "/introductions/sectors/1/figures/proposed")).as("business").isEqualTo(2);
        assertThat(grown(before, after, "/introductions/sectors/1/figures/projects")).isEqualTo(1);
        assertThat(grown(before, after, "/introductions/sectors/2/figures/declined")).as("social economy")
                .isEqualTo(1);
        assertThat(after.path("introductions").path("sectors").path(2).path("nameEn").asString())
                .isEqualTo("Social economy");
        assertThat(total.path("proposed").asLong()).isEqualTo(count(after.path("introductions").path("perYear"),
                String.valueOf(year)));
        assertThat(grown(before, after, "/interests/stated")).isEqualTo(3);
        assertThat(grown(before, after, "/interests/open")).as("the withdrawn one is not open").isEqualTo(2);
        assertThat(grown(before, after, "/calls/published")).as("the withdrawn call left out").isEqualTo(2);
        assertThat(programme(after, "CERV_TOWN_TWINNING") - programme(before, "CERV_TOWN_TWINNING")).isEqualTo(2);

        double duplicatesBefore = sum("samverka.events.duplicates");
        history.deliverAgain();
        await().atMost(WAIT).until(() -> sum("samverka.events.duplicates") >= duplicatesBefore + history.size());
        assertThat(withoutFreshness(report(BROKER, year))).isEqualTo(withoutFreshness(after));
    }

    @Test
    void anAnswerWhoseProposalIsMissingWaitsForIt() {
        String company = history.organisation("Storsjöbryggeriet AB", "COMPANY", "SE", "SE-Z");
        String twin = history.partnership("Vänort " + UUID.randomUUID(), "TWIN_CITY", "ACTIVE", company, List.of());
        String introduction = history.introduction(history.interest(company, "OFFERS"), company, company, twin);
        awaitReport(BROKER, report -> partnership(report, twin).path("figures").path("pending").asLong() == 1, year);
        double gapsBefore = sum("samverka.events.gaps");
        // Sequence 2 is lost on the way; 3 arrives.
        EventEnvelope first = answer(introduction, 2, "ACCEPTED", "PROPOSED");
        EventEnvelope second = answer(introduction, 3, "ACCEPTED", "ACCEPTED");
        history.writer().send(PartnershipContracts.INTRODUCTIONS, second);

        await().atMost(WAIT).until(() -> sum("samverka.events.gaps") > gapsBefore);
        assertThat(partnership(report(BROKER, year), twin).path("figures").path("pending").asLong())
                .as("not applied out of order").isEqualTo(1);

        history.writer().send(PartnershipContracts.INTRODUCTIONS, first);
        history.writer().send(PartnershipContracts.INTRODUCTIONS, second);
        awaitReport(BROKER, report -> partnership(report, twin).path("figures").path("accepted").asLong() == 1, year);
    }

    @Test
    void aYearNoOneCouldMeanIsRefused() {
        expectRefused("/api/reports/broker?year=99", HttpStatus.UNPROCESSABLE_CONTENT, "year");
    }

    /** Every event published so far applied. */
    private static Predicate<JsonNode> settled() {
        return report -> report.path("freshness").path("lagEvents").asLong(-1) == 0;
    }

    private static JsonNode partnership(JsonNode report, String id) {
        for (JsonNode row : report.path("introductions").path("partnerships")) {
            if (id.equals(row.path("partnershipId").asString())) {
                return row;
            }
        }
        return report.path("no such partnership");
    }

    private static long grown(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }

    private static long programme(JsonNode report, String code) {
        for (JsonNode row : report.path("calls").path("programmes")) {
            if (code.equals(row.path("programme").asString())) {
                return row.path("published").asLong();
            }
        }
        return 0;
    }

    private static long count(JsonNode counts, String key) {
        for (JsonNode count : counts) {
            if (key.equals(count.path("key").asString())) {
                return count.path("count").asLong();
            }
        }
        return 0;
    }

    private double sum(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static EventEnvelope answer(String introduction, long sequence, String answer, String status) {
        EventContract<IntroductionAnswered> contract = PartnershipContracts.INTRODUCTION_ANSWERED;
        return new EventEnvelope(UUID.randomUUID().toString(), "/test", contract.type(), introduction,
                OffsetDateTime.now(), sequence, contract.dataSchema(), null,
                EventCodec.toJson(new IntroductionAnswered(introduction, "o-side", answer, status)));
    }
}
