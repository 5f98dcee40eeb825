package se.samverka.partnership.call;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.partnership.organisation.Codes;
import se.samverka.platform.events.Money;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.MoneyDetails;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.Reason;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;

/**
 * The register of funding calls, kept by the coordinator and read by whoever may read each call's visibility. Every
 * change is based on the version the caller read (If-Match) and announced by an event in the same write.
 */
@Service
public class CallRegister {

    private final AggregateStore<Call> calls;
    private final FundingProgrammes programmes;
    private final MunicipalStrategy strategy;
    private final Callers callers;
    private final Clock clock;

    public CallRegister(AggregateStore<Call> calls, FundingProgrammes programmes, MunicipalStrategy strategy,
                        Callers callers, Clock clock) {
        this.calls = calls;
        this.programmes = programmes;
        this.strategy = strategy;
        this.callers = callers;
        this.clock = clock;
    }

    /** @throws AccessDeniedException 401 or 403 unless the caller is the coordinator */
    public Versioned<Call> publish(CallDetails details) {
        callers.require(caller -> caller.is(Role.ADMIN), "access.call.change");
        Money budget = validated(details);
        String id = UUID.randomUUID().toString();
        return calls.create(id, Call.publish(id, details, budget));
    }

    public Versioned<Call> describe(String id, long expectedVersion, CallDetails details) {
        Versioned<Call> current = current(id, expectedVersion);
        Money budget = validated(details);
        return calls.update(current, current.state().describe(id, details, budget));
    }

    public Versioned<Call> withdraw(String id, long expectedVersion, WithdrawalDetails withdrawal) {
        Versioned<Call> current = current(id, expectedVersion);
        return calls.update(current, current.state().withdraw(id, withdrawal.reason(), clock.instant(),
                StaffMember.of(callers.current())));
    }

    /** A call the caller may read; one it may not is answered as if it did not exist. */
    public Versioned<Call> get(String id) {
        Caller caller = callers.current();
        return calls.find(id)
                .filter(call -> caller.readableVisibilities().contains(call.state().visibility().name()))
                .orElseThrow(() -> new NotFoundException("not-found.call", id));
    }

    public Page<Versioned<Call>> find(CallFilter filter, Paging paging) {
        if (filter.closingWithinDays() != null && filter.closingWithinDays() < 0) {
            throw new InvalidRequestException("closingWithinDays", "reason.days");
        }
        return calls.find(filter.toQuery(today(), callers.current()), paging.pageable());
    }

    /** Every call one may still apply to, or soon will: OPEN or UPCOMING, whoever may read it. */
    public List<Versioned<Call>> current() {
        return calls.find(new Query(Criteria.where("state.withdrawal").is(null).and("state.deadline").gte(today())));
    }

    /** The day statuses and days left are counted from. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The calls that may have a deadline notice due: neither withdrawn nor announced closed, deadline within reach. */
    List<Versioned<Call>> awaitingNotices(int longestLeadTime) {
        return calls.find(new Query(Criteria.where("state.withdrawal").is(null)
                .and("state.closedNoticeSent").is(false)
                .and("state.deadline").lte(today().plusDays(longestLeadTime))));
    }

    /**
     * The platform's step: announces the call's deadline notice if one is due, recording it as sent in the same write.
     *
     * @return whether it announced one
     * @throws org.springframework.dao.OptimisticLockingFailureException when the call changed since it was read (or
     *                                                                   another instance announced it first)
     */
    boolean announceDeadline(Versioned<Call> call, Collection<Integer> leadTimes) {
        Optional<Change<Call>> notice = call.state().deadlineNotice(call.id(), today(), leadTimes);
        notice.ifPresent(change -> calls.update(call, change));
        return notice.isPresent();
    }

    /** The call as the caller read it, to be changed: 404 if it may not read it, 403 if it may not change it. */
    private Versioned<Call> current(String id, long expectedVersion) {
        Versioned<Call> current = get(id);
        Caller caller = callers.current();
        if (!caller.is(Role.ADMIN)) {
            throw new AccessDeniedException(!caller.isAnonymous(), "access.call.change");
        }
        Preconditions.requireVersion(current.version(), expectedVersion);
        return current;
    }

    /** The budget as stored, once the details are found sound: 422 with every problem otherwise. */
    private Money validated(CallDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (programmes.programme(details.programme()).isEmpty()) {
            problems.add(new FieldProblem("programme", "reason.programme", details.programme(),
                    programmes.programmes().stream().map(FundingProgrammes.Programme::code).toList()));
        }
        if (details.opensOn() != null && details.deadline().isBefore(details.opensOn())) {
            problems.add(new FieldProblem("deadline", "reason.date.before", Reason.term("field", "opensOn")));
        }
        List<String> growthAreas = orEmpty(details.growthAreas());
        IntStream.range(0, growthAreas.size())
                .filter(i -> !strategy.isGrowthArea(growthAreas.get(i)))
                .forEach(i -> problems.add(new FieldProblem("growthAreas[" + i + "]", "reason.growth-area",
                        growthAreas.get(i))));
        List<String> strategies = orEmpty(details.strategies());
        IntStream.range(0, strategies.size())
                .filter(i -> strategy.strategy(strategies.get(i)).isEmpty())
                .forEach(i -> problems.add(new FieldProblem("strategies[" + i + "]", "reason.strategy",
                        strategies.get(i), strategy.municipality(),
                        strategy.strategies().stream().map(MunicipalStrategy.Strategy::code).toList())));
        List<String> countries = orEmpty(details.eligibleCountries());
        IntStream.range(0, countries.size())
                .filter(i -> !Codes.isCountry(countries.get(i)))
                .forEach(i -> problems.add(new FieldProblem("eligibleCountries[" + i + "]", "reason.country",
                        countries.get(i))));
        if (details.url() != null && !details.url().isBlank() && !Codes.isWebAddress(details.url().strip())) {
            problems.add(new FieldProblem("url", "reason.website"));
        }
        Money budget = MoneyDetails.exact(details.budget(), "budget", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return budget;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
