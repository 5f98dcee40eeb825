package se.samverka.partnership.call;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import se.samverka.partnership.contracts.CallClosed;
import se.samverka.partnership.contracts.CallClosingSoon;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallStaffNamesErased;
import se.samverka.partnership.contracts.CallUpdated;
import se.samverka.partnership.contracts.CallWithdrawn;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.platform.events.Money;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.messaging.personaldata.StaffNaming;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.Reason;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * A funding call of a programme, kept by the coordinator so that staff, companies and partners learn of it and its
 * deadline in time. Its status follows from its dates ({@link #status}); only a withdrawal is a step someone takes.
 * Each command gives back the call it leaves and the events that announce it; the call does not know its own id.
 *
 * @param withdrawal          set once it is withdrawn; it stays in the register, out of the lists by default
 * @param closingNoticesSent  the lead times (days before the deadline) whose notice has been announced for this
 *                            deadline, kept with the call so that each goes out once, whichever instance sends it
 * @param closedNoticeSent    whether its closing has been announced
 */
public record Call(
        String programme,
        String name,
        String nameEn,
        String summary,
        LocalDate opensOn,
        LocalDate deadline,
        Money budget,
        List<GlobalTheme> themes,
        List<String> growthAreas,
        List<String> strategies,
        List<String> eligibleCountries,
        List<OrganisationType> eligibleOrganisationTypes,
        String url,
        Visibility visibility,
        Withdrawal withdrawal,
        List<Integer> closingNoticesSent,
        boolean closedNoticeSent) implements StaffNaming<Call> {

    /** What a person's access request calls a funding call. */
    static final String AGGREGATE = "call";

    public Call {
        themes = orEmpty(themes);
        growthAreas = orEmpty(growthAreas);
        strategies = orEmpty(strategies);
        eligibleCountries = orEmpty(eligibleCountries);
        eligibleOrganisationTypes = orEmpty(eligibleOrganisationTypes);
        closingNoticesSent = orEmpty(closingNoticesSent);
    }

    /** A call entering the register, as described; its budget checked already. */
    static Change<Call> publish(String id, CallDetails details, Money budget) {
        Call call = described(details, budget, null, List.of(), false);
        return Change.of(call, new CallPublished(id, call.published()));
    }

    /**
     * Its description replaced. Notices already sent stay sent while the deadline stays; a new deadline gets its own
     * notices. Announced even when nothing differs.
     *
     * @throws IllegalTransitionException 409 when it is withdrawn
     */
    Change<Call> describe(String id, CallDetails details, Money newBudget) {
        requireNotWithdrawn(CallStatus.OPEN);
        boolean sameDeadline = details.deadline().equals(deadline);
        Call described = described(details, newBudget, null, sameDeadline ? closingNoticesSent : List.of(),
                sameDeadline && closedNoticeSent);
        return Change.of(described, new CallUpdated(id, described.published()));
    }

    /** @throws IllegalTransitionException 409 when it is withdrawn already */
    Change<Call> withdraw(String id, String reason, Instant at, StaffMember by) {
        requireNotWithdrawn(CallStatus.WITHDRAWN);
        Call withdrawn = new Call(programme, name, nameEn, summary, opensOn, deadline, budget, themes, growthAreas,
                strategies, eligibleCountries, eligibleOrganisationTypes, url, visibility,
                new Withdrawal(reason.strip(), at, by.name(), by.subject()), closingNoticesSent, closedNoticeSent);
        return Change.of(withdrawn, new CallWithdrawn(id));
    }

    /**
     * The deadline notice due on {@code today}, if one is and has not gone out: CallClosed once the deadline has
     * passed, else CallClosingSoon for the shortest lead time the days left have reached. A check that did not run
     * for a while sends only that nearest notice, never one the call has outgrown (no 30-day notice a week before the
     * deadline, no closing-soon after it), and records every lead time reached as sent.
     *
     * @param leadTimes days before the deadline, e.g. 30 and 7
     */
    Optional<Change<Call>> deadlineNotice(String id, LocalDate today, Collection<Integer> leadTimes) {
        if (withdrawal != null || closedNoticeSent) {
            return Optional.empty();
        }
        if (today.isAfter(deadline)) {
            return Optional.of(Change.of(withNotices(sent(leadTimes), true), new CallClosed(id, deadline)));
        }
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        List<Integer> reached = leadTimes.stream().filter(lead -> lead >= daysLeft).sorted().toList();
        if (reached.isEmpty() || closingNoticesSent.contains(reached.get(0))) {
            return Optional.empty();
        }
        return Optional.of(Change.of(withNotices(sent(reached), false),
                new CallClosingSoon(id, deadline, reached.get(0))));
    }

    public CallStatus status(LocalDate today) {
        if (withdrawal != null) {
            return CallStatus.WITHDRAWN;
        }
        if (today.isAfter(deadline)) {
            return CallStatus.CLOSED;
        }
        return opensOn != null && today.isBefore(opensOn) ? CallStatus.UPCOMING : CallStatus.OPEN;
    }

    /** Days until the deadline, 0 on the day itself; null once it is closed or withdrawn. */
    public Integer daysLeft(LocalDate today) {
        CallStatus status = status(today);
        return status == CallStatus.OPEN || status == CallStatus.UPCOMING
                ? (int) ChronoUnit.DAYS.between(today, deadline) : null;
    }

    /** Its withdrawal, if the person made it. */
    @Override
    public List<StaffEntry> entriesNaming(String id, StaffMember person) {
        return withdrawal == null || !withdrawal.by(person) ? List.of()
                : List.of(new StaffEntry(AGGREGATE, id, name, "withdrawal.by", withdrawal.at(), null,
                        "Withdrew the call"));
    }

    @Override
    public Optional<Change<Call>> withStaffErased(String id, StaffMember person, String replacement) {
        if (entriesNaming(id, person).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Change.of(new Call(programme, name, nameEn, summary, opensOn, deadline, budget, themes,
                growthAreas, strategies, eligibleCountries, eligibleOrganisationTypes, url, visibility,
                withdrawal.by(replacement), closingNoticesSent, closedNoticeSent), new CallStaffNamesErased(id)));
    }

    private void requireNotWithdrawn(CallStatus to) {
        if (withdrawal != null) {
            throw new IllegalTransitionException(CallStatus.WITHDRAWN.name(), to.name(), List.of(),
                    Reason.of("transition.call.withdrawn"));
        }
    }

    private List<Integer> sent(Collection<Integer> more) {
        return List.copyOf(new TreeSet<>(Stream.concat(closingNoticesSent.stream(), more.stream()).toList()));
    }

    private Call withNotices(List<Integer> closingNotices, boolean closedNotice) {
        return new Call(programme, name, nameEn, summary, opensOn, deadline, budget, themes, growthAreas, strategies,
                eligibleCountries, eligibleOrganisationTypes, url, visibility, withdrawal, closingNotices,
                closedNotice);
    }

    private static Call described(CallDetails d, Money budget, Withdrawal withdrawal, List<Integer> closingNotices,
                                  boolean closedNotice) {
        return new Call(d.programme(), d.name().strip(), blankToNull(d.nameEn()), blankToNull(d.summary()),
                d.opensOn(), d.deadline(), budget, d.themes(), d.growthAreas(), d.strategies(), d.eligibleCountries(),
                d.eligibleOrganisationTypes(), blankToNull(d.url()), d.visibilityOrDefault(), withdrawal,
                closingNotices, closedNotice);
    }

    /** The call as its events describe it: codes as text. */
    private CallDescription published() {
        return new CallDescription(programme, name, nameEn, summary, opensOn, deadline, budget,
                themes.stream().map(Enum::name).toList(), growthAreas, strategies, eligibleCountries,
                eligibleOrganisationTypes.stream().map(Enum::name).toList(), url, visibility.name());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
