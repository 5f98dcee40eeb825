package se.samverka.reporting.feed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.FeedLine;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Labels;
import se.samverka.reporting.report.Names;

/** Tells the feed's lines in Swedish and English, naming organisations as they are called now. */
@Component
public class ActivityFeedReport {

    private final Names names;

    ActivityFeedReport(Names names) {
        this.names = names;
    }

    public ActivityFeed of(ReadModelSet models, Freshness freshness, int limit) {
        Snapshot directory = models.directory();
        List<ActivityFeed.Line> lines = models.feed().latest(new Criteria(), limit).stream()
                .map(line -> line(line, directory))
                .toList();
        return new ActivityFeed(lines, freshness);
    }

    private ActivityFeed.Line line(FeedLine line, Snapshot snapshot) {
        Map<String, String> d = line.details();
        String subject = line.subject();
        String verb = line.type().substring(line.type().lastIndexOf('.') + 1);
        String organisation = d.containsKey("organisationId") ? snapshot.nameOf(d.get("organisationId")) : null;
        String[] text = switch (line.type().substring(0, line.type().lastIndexOf('.'))) {
            case "se.samverka.project" -> project(verb, subject, d, organisation);
            case "se.samverka.partnership" -> partnership(verb, subject, d, organisation);
            default -> new String[] {
                    "%s registrerades (%s, %s)".formatted(subject, Labels.sv(d.get("organisationType")),
                            Names.country(d.get("country"))),
                    "%s was registered (%s, %s)".formatted(subject, Labels.en(d.get("organisationType")),
                            Names.countryEn(d.get("country")))};
        };
        return new ActivityFeed.Line(line.eventId(), line.time(), line.type(), line.aggregateId(), line.visibility(),
                text[0], text[1]);
    }

    private String[] project(String verb, String title, Map<String, String> d, String organisation) {
        return switch (verb) {
            case "registered" -> pair("Projektet %s registrerades".formatted(title),
                    "Project %s was registered".formatted(title));
            case "statusChanged" -> pair("Projektet %s: %s → %s".formatted(title, Labels.sv(d.get("from")),
                    Labels.sv(d.get("to"))), "Project %s moved to %s".formatted(title, d.get("to")));
            case "healthChanged" -> pair("Projektet %s bedöms: %s".formatted(title, Labels.sv(d.get("health"))),
                    "Project %s is now %s".formatted(title, Labels.en(d.get("health"))));
            case "partnerAdded" -> pair("%s är ny %s i projektet %s".formatted(organisation,
                    Labels.sv(d.get("role")), title), "%s joined project %s as %s".formatted(organisation, title,
                    Labels.en(d.get("role"))));
            case "fundingLineAdded" -> pair("Projektet %s söker finansiering ur %s".formatted(title,
                    names.programme(d.get("programme"))), "Project %s applies for funding from %s".formatted(title,
                    d.get("programme")));
            case "fundingLineChanged" -> pair("Finansieringen ur %s ändrades i projektet %s".formatted(
                    names.programme(d.get("programme")), title), "Funding from %s changed in project %s".formatted(
                    d.get("programme"), title));
            case "indicatorReported" -> pair("Projektet %s rapporterar %s: %s %s".formatted(title,
                    d.get("indicator"), d.get("value"), d.get("unit")), "Project %s reports %s: %s %s".formatted(
                    title, d.get("indicator"), d.get("value"), d.get("unit")));
            case "activityRecorded" -> pair("Projektet %s: %s %s (%s)".formatted(title,
                    Labels.sv(d.get("activityType")), d.get("activity"), d.get("heldOn")),
                    "Project %s: %s %s (%s)".formatted(title, Labels.en(d.get("activityType")), d.get("activity"),
                            d.get("heldOn")));
            case "finalReportRecorded" -> pair("Projektet %s har lämnat sin slutrapport".formatted(title),
                    "Project %s submitted its final report".formatted(title));
            default -> pair(title + ": " + verb, title + ": " + verb);
        };
    }

    private String[] partnership(String verb, String name, Map<String, String> d, String organisation) {
        return switch (verb) {
            case "registered" -> pair("%s registrerades (%s)".formatted(name, Labels.sv(d.get("partnershipType"))),
                    "%s was registered (%s)".formatted(name, Labels.en(d.get("partnershipType"))));
            case "statusChanged" -> pair("%s: %s → %s%s".formatted(name, Labels.sv(d.get("from")),
                    Labels.sv(d.get("to")), "true".equals(d.get("automatic")) ? " (ingen aktivitet)" : ""),
                    "%s moved to %s%s".formatted(name, d.get("to"),
                            "true".equals(d.get("automatic")) ? " (no activity)" : ""));
            case "partyAdded" -> pair("%s är ny part i %s".formatted(organisation, name),
                    "%s joined %s".formatted(organisation, name));
            case "agreementRecorded" -> pair("%s: %s registrerad".formatted(name,
                    Labels.sv(d.get("agreementType")).toLowerCase(Locale.ROOT)),
                    "%s: %s recorded".formatted(name, Labels.en(d.get("agreementType"))));
            case "decisionRecorded" -> pair("%s: beslut i %s %s".formatted(name, d.get("body"), d.get("decidedOn")),
                    "%s: decision by %s on %s".formatted(name, d.get("body"), d.get("decidedOn")));
            default -> pair(name + ": " + verb, name + ": " + verb);
        };
    }

    private static String[] pair(String sv, String en) {
        return new String[] {sv, en};
    }
}
