package se.samverka.subscription.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.CallClosingSoon;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.subscription.call.CallEvent;
import se.samverka.subscription.call.CallView;
import se.samverka.subscription.project.Announcements.Announcement;
import se.samverka.subscription.project.ProjectView.KnownFundingLine;

class AnnouncementTest {

    @Test
    void anAnnouncementReadsBackAsTheEventItWasMadeOf() {
        EventEnvelope envelope = new EventEnvelope("e-1", "/project-service", "se.samverka.project.funding-line-removed",
                "p-1", OffsetDateTime.parse("2026-12-05T17:03:04.123+01:00"), 7, "urn:schema", "00-abc-def-01",
                "{\"projectId\":\"p-1\",\"fundingLineId\":\"f-1\"}");
        ProjectView before = new ProjectView("p-1", "Vinterstaden", "COUNTY", "org-1", "ONGOING", List.of("ps-1"),
                List.of("S1"), List.of("experience"), List.of("org-2"),
                List.of(new KnownFundingLine("f-1", "Interreg Aurora", true)));
        ProjectView after = new ProjectView("p-1", "Vinterstaden", "COUNTY", "org-1", "ONGOING", List.of("ps-1"),
                List.of("S1"), List.of("experience"), List.of("org-2"), List.of());

        Announcement read = Announcements.read(Announcements.written(new ProjectEvent(envelope, null, before, after)));

        assertThat(read).isEqualTo(new Announcement(envelope, before, after, null, null));
        assertThat(read.envelope().time()).isEqualTo(envelope.time());
        assertThat(read.event()).isInstanceOf(ProjectEvent.class);
    }

    @Test
    void aCallsAnnouncementReadsBackAsTheCallsEvent() {
        EventEnvelope envelope = new EventEnvelope("e-2", "/partnership-service", "se.samverka.call.closingSoon",
                "c-1", OffsetDateTime.parse("2026-12-05T08:00:00+01:00"), 3, null, null,
                "{\"callId\":\"c-1\",\"deadline\":\"2027-02-15\",\"daysLeft\":7}");
        CallView call = new CallView("c-1", new CallDescription("INTERREG_AURORA", "Utlysning", null, null, null,
                LocalDate.of(2027, 2, 15), null, List.of(), List.of(), List.of(), List.of("FI"), List.of(), null,
                "COUNTY"));

        FollowedEvent read = Announcements.read(Announcements.written(new CallEvent(envelope, null, call, call)))
                .event();

        assertThat(read).isEqualTo(new CallEvent(envelope, new CallClosingSoon("c-1", LocalDate.of(2027, 2, 15), 7),
                call, call));
    }
}
