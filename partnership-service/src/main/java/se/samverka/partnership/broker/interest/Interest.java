package se.samverka.partnership.broker.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.samverka.partnership.contracts.InterestClosed;
import se.samverka.partnership.contracts.InterestDescription;
import se.samverka.partnership.contracts.InterestStaffNamesErased;
import se.samverka.partnership.contracts.InterestStated;
import se.samverka.partnership.contracts.InterestUpdated;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.messaging.personaldata.StaffNaming;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.Reason;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;
import se.samverka.reference.Visibility;

/**
 * What an organisation offers or seeks internationally, for the broker to match. Each command gives back the
 * interest it leaves and the events that announce it; the interest does not know its own id (its document does), so
 * commands are told it for their events.
 *
 * @param statedBy        who stated it: a name, kept here and shown only to the organisation and the municipality
 * @param statedBySubject who stated it, as their tokens' subject: kept to find a person's entries, never shown; null
 *                        for interests older than its keeping
 * @param closedAt        when it was withdrawn or expired; null while OPEN
 */
public record Interest(
        String organisationId,
        Direction direction,
        List<Purpose> purposes,
        String title,
        String summary,
        List<String> countries,
        List<String> regions,
        List<GlobalTheme> themes,
        List<String> growthAreas,
        List<Sector> sectors,
        String projectId,
        LocalDate validUntil,
        Visibility visibility,
        InterestStatus status,
        Instant statedAt,
        String statedBy,
        String statedBySubject,
        Instant closedAt) implements StaffNaming<Interest> {

    /** What a person's access request calls an interest. */
    static final String AGGREGATE = "interest";

    public Interest {
        purposes = List.copyOf(purposes);
        countries = countries == null ? List.of() : List.copyOf(countries);
        regions = regions == null ? List.of() : List.copyOf(regions);
        themes = themes == null ? List.of() : List.copyOf(themes);
        growthAreas = growthAreas == null ? List.of() : List.copyOf(growthAreas);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }

    /** An interest as stated: OPEN from {@code at}. */
    static Change<Interest> state(String id, InterestDetails details, Instant at, StaffMember by) {
        Interest stated = described(details, InterestStatus.OPEN, at, by.name(), by.subject(), null);
        return Change.of(stated, new InterestStated(id, stated.published()));
    }

    /**
     * Its description replaced; who stated it, and when, stay. Announced even when nothing differs.
     *
     * @throws IllegalTransitionException 409 when it no longer stands
     */
    Change<Interest> describe(String id, InterestDetails details) {
        requireOpen(InterestStatus.OPEN);
        Interest described = described(details, status, statedAt, statedBy, statedBySubject, closedAt);
        return Change.of(described, new InterestUpdated(id, described.published()));
    }

    /** @throws IllegalTransitionException 409 when it no longer stands */
    Change<Interest> withdraw(String id, Instant at) {
        return closed(id, InterestStatus.WITHDRAWN, at);
    }

    /** The platform's step: its last day has passed. */
    Change<Interest> expire(String id, Instant at) {
        return closed(id, InterestStatus.EXPIRED, at);
    }

    /** Its statement, if the person made it. */
    @Override
    public List<StaffEntry> entriesNaming(String id, StaffMember person) {
        return person.named(statedBySubject, statedBy)
                ? List.of(new StaffEntry(AGGREGATE, id, title, "statedBy", statedAt, null, "Stated the interest"))
                : List.of();
    }

    @Override
    public Optional<Change<Interest>> withStaffErased(String id, StaffMember person, String replacement) {
        if (!person.named(statedBySubject, statedBy)) {
            return Optional.empty();
        }
        return Optional.of(Change.of(new Interest(organisationId, direction, purposes, title, summary, countries,
                regions, themes, growthAreas, sectors, projectId, validUntil, visibility, status, statedAt, replacement,
                replacement, closedAt), new InterestStaffNamesErased(id)));
    }

    public boolean isOpen() {
        return status == InterestStatus.OPEN;
    }

    private Change<Interest> closed(String id, InterestStatus to, Instant at) {
        requireOpen(to);
        Interest closed = new Interest(organisationId, direction, purposes, title, summary, countries, regions, themes,
                growthAreas, sectors, projectId, validUntil, visibility, to, statedAt, statedBy, statedBySubject, at);
        return Change.of(closed, new InterestClosed(id, to.name()));
    }

    private void requireOpen(InterestStatus to) {
        if (!isOpen()) {
            throw new IllegalTransitionException(status.name(), to.name(), List.of(),
                    Reason.of("transition.interest.closed", Reason.term("status.interest", status.name())));
        }
    }

    private static Interest described(InterestDetails d, InterestStatus status, Instant statedAt, String statedBy,
                                      String statedBySubject, Instant closedAt) {
        return new Interest(d.organisationId(), d.direction(), d.purposes().stream().distinct().toList(),
                d.title().strip(), d.summary(), d.countries().stream().distinct().toList(),
                d.regions().stream().distinct().toList(), d.themes().stream().distinct().toList(),
                d.growthAreas().stream().distinct().toList(), d.sectors().stream().distinct().toList(),
                blankToNull(d.projectId()), d.validUntil(), d.visibilityOrDefault(), status, statedAt, statedBy,
                statedBySubject, closedAt);
    }

    /** The interest as its events describe it: codes as text, never who stated it. */
    private InterestDescription published() {
        return new InterestDescription(organisationId, direction.name(), purposes.stream().map(Enum::name).toList(),
                title, summary, countries, regions, themes.stream().map(Enum::name).toList(), growthAreas,
                sectors.stream().map(Enum::name).toList(), projectId, validUntil, visibility.name());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
