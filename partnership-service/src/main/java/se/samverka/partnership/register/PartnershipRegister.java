package se.samverka.partnership.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.Reason;
import se.samverka.reference.MunicipalStrategy;

/**
 * The partnership register. Every change is based on the version the caller read (If-Match) and announced by an
 * event in the same write.
 */
@Service
public class PartnershipRegister {

    /** How long a date that passed stays among the agreements due. */
    static final int PASSED_LISTED_DAYS = 30;

    private final AggregateStore<Partnership> partnerships;
    private final OrganisationDirectory directory;
    private final MunicipalStrategy strategy;
    private final Callers callers;
    private final Clock clock;

    public PartnershipRegister(AggregateStore<Partnership> partnerships, OrganisationDirectory directory,
                               MunicipalStrategy strategy, Callers callers, Clock clock) {
        this.partnerships = partnerships;
        this.directory = directory;
        this.strategy = strategy;
        this.callers = callers;
        this.clock = clock;
    }

    /** @throws AccessDeniedException 403 unless the caller registers it for its own department (or is ADMIN) */
    public Versioned<Partnership> register(PartnershipDetails details) {
        Caller caller = callers.require(Caller::mayCreate, "access.partnership.register");
        requireOwner(caller, details.responsibleDepartmentId());
        List<FieldProblem> problems = descriptionProblems(details);
        problems.addAll(partyProblems(details.parties()));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String id = UUID.randomUUID().toString();
        Change<Partnership> registered = Partnership.register(id, details, clock.instant(),
                StaffMember.of(caller));
        return partnerships.create(id, registered);
    }

    public Versioned<Partnership> describe(String id, long expectedVersion, PartnershipDetails details) {
        // Access first: a caller who may not see the partnership learns nothing from what is wrong with its request.
        Versioned<Partnership> current = current(id, expectedVersion);
        requireOwner(callers.current(), details.responsibleDepartmentId());
        List<FieldProblem> problems = descriptionProblems(details);
        if (details.parties() != null) {
            problems.add(new FieldProblem("parties", "reason.parties.separately", id));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return partnerships.update(current, current.state().describe(id, details));
    }

    public Versioned<Partnership> addParty(String id, long expectedVersion, PartnershipParty party) {
        Versioned<Partnership> current = current(id, expectedVersion);
        Change<Partnership> added = current.state().addParty(id, party);
        List<FieldProblem> problems = organisationProblems(List.of(party.organisationId()), index -> "organisationId");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return partnerships.update(current, added);
    }

    public Versioned<Partnership> removeParty(String id, long expectedVersion, String organisationId) {
        Versioned<Partnership> current = current(id, expectedVersion);
        return partnerships.update(current, current.state().removeParty(id, organisationId));
    }

    public Versioned<Partnership> recordAgreement(String id, long expectedVersion, Agreement agreement) {
        Versioned<Partnership> current = current(id, expectedVersion);
        return partnerships.update(current, current.state().recordAgreement(id, agreement));
    }

    public Versioned<Partnership> recordDecision(String id, long expectedVersion, DecisionDetails details) {
        Versioned<Partnership> current = current(id, expectedVersion);
        return partnerships.update(current, current.state().recordDecision(id, details, clock.instant(),
                StaffMember.of(callers.current())));
    }

    /** A step someone takes in the lifecycle; 409 when it is not allowed now. */
    public Versioned<Partnership> transition(String id, long expectedVersion, Transition transition) {
        Versioned<Partnership> current = current(id, expectedVersion);
        return partnerships.update(current, current.state().transition(id, transition, clock.instant(),
                StaffMember.of(callers.current())));
    }

    /** The platform's step: no activity seen for too long. */
    public void markDormant(Versioned<Partnership> partnership, String why) {
        partnerships.update(partnership, partnership.state().markDormant(partnership.id(), clock.instant(), why));
    }

    /** The platform's step: a dormant partnership shows activity again. */
    public void reactivate(Versioned<Partnership> partnership, String why) {
        partnerships.update(partnership, partnership.state().reactivate(partnership.id(), clock.instant(), why));
    }

    /**
     * The dates of agreements of the partnerships the caller may read that come within {@code withinDays}, or passed
     * within the last {@value #PASSED_LISTED_DAYS} days (still to be dealt with), soonest first.
     *
     * @throws InvalidRequestException 422 when {@code withinDays} is negative
     */
    public List<DueAgreement> agreementsDue(int withinDays) {
        if (withinDays < 0) {
            throw new InvalidRequestException("withinDays", "reason.days");
        }
        LocalDate today = today();
        return withAgreementDatesBetween(today.minusDays(PASSED_LISTED_DAYS), today.plusDays(withinDays)).stream()
                .flatMap(partnership -> partnership.state().agreementDates().stream()
                        .filter(date -> date.daysLeft(today) >= -PASSED_LISTED_DAYS
                                && date.daysLeft(today) <= withinDays)
                        .map(date -> new DueAgreement(partnership.id(), partnership.state().name(),
                                partnership.state().nameEn(), partnership.state().status(), date.due(), date.dueOn(),
                                date.daysLeft(today))))
                .sorted(Comparator.comparing(DueAgreement::dueOn).thenComparing(DueAgreement::name))
                .toList();
    }

    /**
     * The platform's step: announces the notices of the partnership's agreement dates that are due, recording them as
     * sent in the same write (with the move to review an expiry causes).
     *
     * @return whether it announced any
     * @throws org.springframework.dao.OptimisticLockingFailureException when the partnership changed since it was read
     */
    boolean announceAgreementDates(Versioned<Partnership> partnership, Collection<Integer> leadTimes) {
        Optional<Change<Partnership>> notices = partnership.state().agreementNotices(partnership.id(), today(),
                leadTimes, clock.instant());
        notices.ifPresent(change -> partnerships.update(partnership, change));
        return notices.isPresent();
    }

    /** The partnerships not ended whose agreement has a date on or before {@code limit}. */
    List<Versioned<Partnership>> withAgreementDatesUntil(LocalDate limit) {
        return partnerships.find(new Query(new Criteria().andOperator(
                Criteria.where("state.status").ne(PartnershipStatus.ENDED.name()),
                new Criteria().orOperator(Criteria.where("state.agreement.validTo").lte(limit),
                        Criteria.where("state.agreement.renewalOn").lte(limit)))));
    }

    /** The partnerships the caller may read, not ended, whose agreement has a date from {@code from} to {@code to}. */
    List<Versioned<Partnership>> withAgreementDatesBetween(LocalDate from, LocalDate to) {
        List<Criteria> criteria = new ArrayList<>();
        PartnershipFilter.readableBy(callers.current()).ifPresent(criteria::add);
        criteria.add(Criteria.where("state.status").ne(PartnershipStatus.ENDED.name()));
        criteria.add(new Criteria().orOperator(Criteria.where("state.agreement.validTo").gte(from).lte(to),
                Criteria.where("state.agreement.renewalOn").gte(from).lte(to)));
        return partnerships.find(new Query(new Criteria().andOperator(criteria)));
    }

    /** The day agreements' dates are counted from. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A partnership the caller may read; one it may not is answered as if it did not exist. */
    public Versioned<Partnership> get(String id) {
        Caller caller = callers.current();
        return partnerships.find(id)
                .filter(partnership -> caller.mayRead(partnership.state().visibility().name(),
                        partnership.state().responsibleDepartmentId()))
                .orElseThrow(() -> new NotFoundException("not-found.partnership", id));
    }

    public Optional<Versioned<Partnership>> find(String id) {
        return partnerships.find(id);
    }

    public List<Versioned<Partnership>> inStatus(PartnershipStatus status) {
        return partnerships.find(new Query(Criteria.where("state.status").is(status.name())));
    }

    public Page<Versioned<Partnership>> find(PartnershipFilter filter, Paging paging) {
        List<String> inCountry = filter.country() == null ? List.of() : directory.idsInCountry(filter.country());
        return partnerships.find(filter.toQuery(inCountry, callers.current()), paging.pageable());
    }


    /** The partnership as the caller read it, to be changed: 404 if it may not read it, 403 if it may not change it. */
    private Versioned<Partnership> current(String id, long expectedVersion) {
        Versioned<Partnership> current = get(id);
        requireOwner(callers.current(), current.state().responsibleDepartmentId());
        Preconditions.requireVersion(current.version(), expectedVersion);
        return current;
    }

    private static void requireOwner(Caller caller, String responsibleDepartmentId) {
        if (!caller.mayWrite(responsibleDepartmentId)) {
            throw new AccessDeniedException(!caller.isAnonymous(), "access.partnership.change");
        }
    }

    private List<FieldProblem> descriptionProblems(PartnershipDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        String department = details.responsibleDepartmentId();
        if (department != null) {
            Optional<Versioned<Organisation>> found = directory.find(department);
            if (found.isEmpty()) {
                problems.add(new FieldProblem("responsibleDepartmentId", "reason.no-organisation", department));
            } else if (!found.get().state().type().isMunicipalOperation()) {
                problems.add(new FieldProblem("responsibleDepartmentId", "reason.responsible-department",
                        Reason.term("organisation-type", found.get().state().type().name())));
            }
        }
        List<String> strategies = details.strategies() == null ? List.of() : details.strategies();
        IntStream.range(0, strategies.size())
                .filter(i -> strategy.strategy(strategies.get(i)).isEmpty())
                .forEach(i -> problems.add(new FieldProblem("strategies[" + i + "]", "reason.strategy",
                        strategies.get(i), strategy.municipality(),
                        strategy.strategies().stream().map(MunicipalStrategy.Strategy::code).toList())));
        return problems;
    }

    private List<FieldProblem> partyProblems(List<PartnershipParty> parties) {
        if (parties == null || parties.size() < 2) {
            return new ArrayList<>(List.of(new FieldProblem("parties", "reason.parties.two")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            if (!seen.add(parties.get(i).organisationId())) {
                problems.add(new FieldProblem("parties[" + i + "].organisationId", "reason.party.already"));
            }
        }
        List<String> ids = parties.stream().map(PartnershipParty::organisationId).toList();
        problems.addAll(organisationProblems(ids, index -> "parties[" + index + "].organisationId"));
        return problems;
    }

    /** Each organisation must be in the directory and active. */
    private List<FieldProblem> organisationProblems(List<String> ids, Function<Integer, String> field) {
        Map<String, Versioned<Organisation>> found = directory.findAll(ids);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Versioned<Organisation> organisation = found.get(ids.get(i));
            if (organisation == null) {
                problems.add(new FieldProblem(field.apply(i), "reason.no-organisation", ids.get(i)));
            } else if (!organisation.state().active()) {
                problems.add(new FieldProblem(field.apply(i), "reason.inactive", organisation.state().name()));
            }
        }
        return problems;
    }
}
