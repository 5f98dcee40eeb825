package se.samverka.partnership.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import se.samverka.partnership.contracts.PartnershipAgreementRecorded;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipPartyRemoved;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.partnership.contracts.Party;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.CurrentActor;
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

    /** Who takes the steps the platform takes by itself. */
    static final String PLATFORM = "samverka";

    private final AggregateStore<Partnership> partnerships;
    private final OrganisationDirectory directory;
    private final MunicipalStrategy strategy;
    private final CurrentActor actor;
    private final Callers callers;
    private final Clock clock;

    public PartnershipRegister(AggregateStore<Partnership> partnerships, OrganisationDirectory directory,
                               MunicipalStrategy strategy, CurrentActor actor, Callers callers, Clock clock) {
        this.partnerships = partnerships;
        this.directory = directory;
        this.strategy = strategy;
        this.actor = actor;
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
        Instant now = clock.instant();
        StatusChange registered = new StatusChange(null, PartnershipStatus.EXPLORING, now, actor.name(), "Registered",
                null, false);
        Partnership partnership = new Partnership(details.name().strip(), details.nameEn(), details.description(),
                details.type(), PartnershipStatus.EXPLORING, details.visibilityOrDefault(), details.parties(),
                details.responsibleDepartmentId(), details.themes(), details.strategies(), null, List.of(),
                List.of(registered), now);
        return partnerships.create(id, partnership, new PartnershipRegistered(id, partnership.status().name(),
                partnership.partyIds(),
                partnership.parties().stream().map(p -> new Party(p.organisationId(), p.role().name())).toList(),
                published(partnership)));
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
        Partnership changed = current.state().describedAs(details);
        return partnerships.update(current, changed, new PartnershipUpdated(id, published(changed)));
    }

    public Versioned<Partnership> addParty(String id, long expectedVersion, PartnershipParty party) {
        Versioned<Partnership> current = current(id, expectedVersion);
        if (current.state().partyIds().contains(party.organisationId())) {
            throw new InvalidRequestException("organisationId", "reason.party.already");
        }
        List<FieldProblem> problems = organisationProblems(List.of(party.organisationId()), index -> "organisationId");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<PartnershipParty> parties = new ArrayList<>(current.state().parties());
        parties.add(party);
        return partnerships.update(current, current.state().withParties(parties),
                new PartnershipPartyAdded(id, party.organisationId(), party.role().name()));
    }

    public Versioned<Partnership> removeParty(String id, long expectedVersion, String organisationId) {
        Versioned<Partnership> current = current(id, expectedVersion);
        if (!current.state().partyIds().contains(organisationId)) {
            throw new NotFoundException("not-found.party", organisationId);
        }
        if (current.state().parties().size() <= 2) {
            throw new InvalidRequestException("organisationId", "reason.parties.keep-two");
        }
        List<PartnershipParty> parties = current.state().parties().stream()
                .filter(party -> !party.organisationId().equals(organisationId))
                .toList();
        return partnerships.update(current, current.state().withParties(parties),
                new PartnershipPartyRemoved(id, organisationId));
    }

    public Versioned<Partnership> recordAgreement(String id, long expectedVersion, Agreement agreement) {
        Versioned<Partnership> current = current(id, expectedVersion);
        return partnerships.update(current, current.state().withAgreement(agreement),
                new PartnershipAgreementRecorded(id, agreement.type().name(), agreement.signedOn(), agreement.validFrom(),
                        agreement.validTo(), agreement.renewalOn()));
    }

    public Versioned<Partnership> recordDecision(String id, long expectedVersion, DecisionDetails details) {
        Versioned<Partnership> current = current(id, expectedVersion);
        Decision decision = new Decision("d" + (current.state().decisions().size() + 1), details.body().strip(),
                details.decidedOn(), details.paragraph(), details.registrationNumber(), details.note(), clock.instant(),
                actor.name());
        return partnerships.update(current, current.state().withDecision(decision),
                new PartnershipDecisionRecorded(id, decision.id(), decision.body(), decision.decidedOn(),
                        decision.paragraph(), decision.registrationNumber()));
    }

    /** A step someone takes in the lifecycle; 409 when it is not allowed now. */
    public Versioned<Partnership> transition(String id, long expectedVersion, Transition transition) {
        Versioned<Partnership> current = current(id, expectedVersion);
        PartnershipLifecycle.check(current.state(), transition);
        return move(current, new StatusChange(current.state().status(), transition.to(), clock.instant(), actor.name(),
                transition.reason(), transition.decisionId(), false));
    }

    /** The platform's step: no activity seen for too long. */
    public void markDormant(Versioned<Partnership> partnership, String why) {
        move(partnership, new StatusChange(PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT, clock.instant(), PLATFORM,
                why, null, true));
    }

    /** The platform's step: a dormant partnership shows activity again. */
    public void reactivate(Versioned<Partnership> partnership, String why) {
        move(partnership, new StatusChange(PartnershipStatus.DORMANT, PartnershipStatus.ACTIVE, clock.instant(), PLATFORM,
                why, null, true));
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

    private Versioned<Partnership> move(Versioned<Partnership> current, StatusChange change) {
        return partnerships.update(current, current.state().movedTo(change), new PartnershipStatusChanged(current.id(),
                change.from().name(), change.to().name(), change.decisionId(), change.automatic()));
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

    /** A partnership as its events describe it: codes as text. */
    private static PartnershipDescription published(Partnership p) {
        return new PartnershipDescription(p.name(), p.nameEn(), p.description(), p.type().name(), p.visibility().name(),
                p.responsibleDepartmentId(), names(p.themes()), p.strategies());
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
