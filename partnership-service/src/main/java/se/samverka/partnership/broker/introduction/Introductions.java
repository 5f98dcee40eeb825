package se.samverka.partnership.broker.introduction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.broker.interest.Interests;
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
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.Reason;

/**
 * The broker's introductions. Proposed by the coordinator, by the staff of the responsible department of the
 * partnership an introduction goes through, and by a regional partner from an interest shared with the county;
 * answered by each side (or by the coordinator on a side's behalf, as for foreign organisations, which have no
 * accounts); their outcomes recorded by the sides, the proposer and the coordinator. Read by those and by the
 * municipality's staff; never by anonymous callers.
 */
@Service
public class Introductions {

    private final AggregateStore<Introduction> introductions;
    private final Interests interests;
    private final Counterparts counterparts;
    private final ProjectLinks projects;
    private final Callers callers;
    private final Clock clock;

    public Introductions(AggregateStore<Introduction> introductions, Interests interests, Counterparts counterparts,
                         ProjectLinks projects, Callers callers, Clock clock) {
        this.introductions = introductions;
        this.interests = interests;
        this.counterparts = counterparts;
        this.projects = projects;
        this.callers = callers;
        this.clock = clock;
    }

    /**
     * @throws AccessDeniedException   401 without a token; 403 for a company, for staff unless the introduction goes
     *                                 through a partnership of their department
     * @throws InvalidRequestException 422 for an interest, counterpart or partnership that the caller may not read,
     *                                 that does not exist or no longer stands, or a counterpart of the interest's own
     */
    public Versioned<Introduction> propose(IntroductionProposal proposal) {
        Caller caller = callers.require(c -> c.is(Role.ADMIN) || c.is(Role.STAFF) || c.is(Role.PARTNER),
                "access.introduction.propose");
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Versioned<Interest>> interest = interests.find(proposal.interestId())
                .filter(found -> Interests.mayRead(caller, found.state()));
        if (interest.isEmpty()) {
            throw new InvalidRequestException("interestId", "reason.counterpart.unknown",
                    Reason.term("counterpart", CounterpartKind.INTEREST.name()), proposal.interestId());
        }
        String partnershipId = proposal.partnershipId() != null ? proposal.partnershipId()
                : proposal.counterpartKind() == CounterpartKind.PARTNERSHIP ? proposal.counterpartId() : null;
        Optional<Counterparts.Counterpart> partnership = partnershipId == null ? Optional.empty()
                : counterparts.find(CounterpartKind.PARTNERSHIP, partnershipId).filter(p -> p.readableBy(caller));
        if (partnershipId != null && partnership.isEmpty()) {
            throw new InvalidRequestException("partnershipId", "reason.partnership.unknown", partnershipId);
        }
        if (caller.is(Role.STAFF) && (partnership.isEmpty() || !caller.actsFor(partnership.get().organisationId()))) {
            throw new AccessDeniedException(true, "access.introduction.propose");
        }
        Interest stated = interest.get().state();
        if (!stated.isOpen()) {
            problems.add(new FieldProblem("interestId", "reason.interest.closed",
                    Reason.term("status.interest", stated.status().name())));
        }
        Optional<Counterparts.Counterpart> counterpart = counterparts.find(proposal.counterpartKind(),
                proposal.counterpartId()).filter(found -> found.readableBy(caller));
        if (counterpart.isEmpty()) {
            problems.add(new FieldProblem("counterpartId", "reason.counterpart.unknown",
                    Reason.term("counterpart", proposal.counterpartKind().name()), proposal.counterpartId()));
        } else if (counterpart.get().organisationId() == null) {
            problems.add(new FieldProblem("counterpartId", "reason.counterpart.no-department"));
        } else if (counterpart.get().organisationId().equals(stated.organisationId())) {
            problems.add(new FieldProblem("counterpartId", "reason.counterpart.own"));
        } else if (!counterpart.get().open()) {
            problems.add(new FieldProblem("counterpartId", "reason.counterpart.closed", counterpart.get().state()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String id = UUID.randomUUID().toString();
        Introduction.Proposal proposed = new Introduction.Proposal(interest.get().id(), stated.organisationId(),
                proposal.counterpartKind(), proposal.counterpartId(), counterpart.get().organisationId(), partnershipId,
                caller.organisationId(), blankToNull(proposal.note()));
        return introductions.create(id, Introduction.propose(id, proposed, clock.instant(),
                StaffMember.of(caller)));
    }

    /**
     * @throws AccessDeniedException   403 unless the caller is of the side it answers for, or the coordinator
     * @throws InvalidRequestException 422 when the coordinator names no side, or an organisation that is none
     */
    public Versioned<Introduction> answer(String id, long expectedVersion, AnswerDetails details) {
        Versioned<Introduction> current = get(id);
        Caller caller = callers.current();
        Introduction introduction = current.state();
        String side = details.organisationId() != null ? details.organisationId() : caller.organisationId();
        if (caller.is(Role.ADMIN)) {
            if (details.organisationId() == null) {
                throw new InvalidRequestException("organisationId", "reason.answer.organisation");
            }
            if (!introduction.sides().contains(side)) {
                throw new InvalidRequestException("organisationId", "reason.answer.not-a-side", side);
            }
        } else if (!caller.actsFor(side) || !introduction.sides().contains(side)) {
            throw new AccessDeniedException(true, "access.introduction.answer");
        }
        Preconditions.requireVersion(current.version(), expectedVersion);
        return introductions.update(current, introduction.answer(id, side, details.answer(), clock.instant(),
                StaffMember.of(caller)));
    }

    /**
     * @throws AccessDeniedException   403 unless the caller is of a side, the proposer's organisation or the coordinator
     * @throws InvalidRequestException 422 for PROJECT_REGISTERED without a known project, or a date ahead or
     *                                 before the proposal
     */
    public Versioned<Introduction> recordOutcome(String id, long expectedVersion, OutcomeDetails details) {
        Versioned<Introduction> current = get(id);
        Caller caller = callers.current();
        Introduction introduction = current.state();
        if (!caller.is(Role.ADMIN) && introduction.sides().stream().noneMatch(caller::actsFor)
                && !caller.actsFor(introduction.proposedByOrganisationId())) {
            throw new AccessDeniedException(true, "access.introduction.outcome");
        }
        Preconditions.requireVersion(current.version(), expectedVersion);
        Change<Introduction> recorded = introduction.recordOutcome(id, details, clock.instant(),
                StaffMember.of(caller));
        List<FieldProblem> problems = new ArrayList<>();
        if (details.outcome() == Outcome.PROJECT_REGISTERED) {
            if (details.projectId() == null || details.projectId().isBlank()) {
                problems.add(new FieldProblem("projectId", "reason.outcome.project"));
            } else if (projects.project(details.projectId()).isEmpty()) {
                problems.add(new FieldProblem("projectId", "reason.no-project", details.projectId()));
            }
        }
        LocalDate proposedOn = LocalDate.ofInstant(introduction.proposedAt(), clock.getZone());
        if (details.outcomeOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("outcomeOn", "reason.outcome.future"));
        } else if (details.outcomeOn().isBefore(proposedOn)) {
            // What came before the introduction did not come of it.
            problems.add(new FieldProblem("outcomeOn", "reason.outcome.before-proposal", proposedOn.toString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return introductions.update(current, recorded);
    }

    /**
     * An introduction the caller may read; one it may not is answered as if it did not exist.
     *
     * @throws AccessDeniedException 401 without a token
     */
    public Versioned<Introduction> get(String id) {
        Caller caller = callers.require(c -> !c.isAnonymous(), "access.introduction.read");
        return introductions.find(id)
                .filter(introduction -> mayRead(caller, introduction.state()))
                .orElseThrow(() -> new NotFoundException("not-found.introduction", id));
    }

    /** @throws AccessDeniedException 401 without a token */
    public Page<Versioned<Introduction>> find(IntroductionFilter filter, Paging paging) {
        Caller caller = callers.require(c -> !c.isAnonymous(), "access.introduction.read");
        return introductions.find(filter.toQuery(caller), paging.pageable());
    }

    private static boolean mayRead(Caller caller, Introduction introduction) {
        return caller.isMunicipality() || introduction.sides().stream().anyMatch(caller::actsFor)
                || caller.actsFor(introduction.proposedByOrganisationId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
