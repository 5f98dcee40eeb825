package se.samverka.partnership.broker.interest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.organisation.Codes;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.AggregateStore;
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
import se.samverka.reference.MunicipalStrategy;

/**
 * The interests organisations state for the broker. A COMPANY or STAFF user states them for its own organisation,
 * the coordinator for anyone; every change is based on the version the caller read (If-Match) and announced by an
 * event in the same write.
 */
@Service
public class Interests {

    /** How far ahead an interest may stand. */
    static final int LONGEST_YEARS = 3;

    private final AggregateStore<Interest> interests;
    private final OrganisationDirectory directory;
    private final ProjectLinks projects;
    private final MunicipalStrategy strategy;
    private final Callers callers;
    private final Clock clock;

    public Interests(AggregateStore<Interest> interests, OrganisationDirectory directory, ProjectLinks projects,
                     MunicipalStrategy strategy, Callers callers, Clock clock) {
        this.interests = interests;
        this.directory = directory;
        this.projects = projects;
        this.strategy = strategy;
        this.callers = callers;
        this.clock = clock;
    }

    /** @throws AccessDeniedException 403 unless the caller states it for its own organisation (or is ADMIN) */
    public Versioned<Interest> state(InterestDetails details) {
        Caller caller = callers.require(Caller::mayCreate, "access.interest.state");
        requireOwner(caller, details.organisationId());
        List<FieldProblem> problems = problems(details);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String id = UUID.randomUUID().toString();
        return interests.create(id, Interest.state(id, details, clock.instant(), StaffMember.of(caller)));
    }

    /** @throws se.samverka.platform.web.IllegalTransitionException 409 when it no longer stands */
    public Versioned<Interest> describe(String id, long expectedVersion, InterestDetails details) {
        Versioned<Interest> current = current(id, expectedVersion);
        List<FieldProblem> problems = problems(details);
        if (!details.organisationId().equals(current.state().organisationId())) {
            problems.add(new FieldProblem("organisationId", "reason.interest.organisation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return interests.update(current, current.state().describe(id, details));
    }

    public Versioned<Interest> withdraw(String id, long expectedVersion) {
        Versioned<Interest> current = current(id, expectedVersion);
        return interests.update(current, current.state().withdraw(id, clock.instant()));
    }

    /** The platform's step: the interest's last day has passed. */
    public void expire(Versioned<Interest> interest) {
        interests.update(interest, interest.state().expire(interest.id(), clock.instant()));
    }

    /** An interest the caller may read; one it may not is answered as if it did not exist. */
    public Versioned<Interest> get(String id) {
        Caller caller = callers.current();
        return interests.find(id)
                .filter(interest -> mayRead(caller, interest.state()))
                .orElseThrow(() -> new NotFoundException("not-found.interest", id));
    }

    public Optional<Versioned<Interest>> find(String id) {
        return interests.find(id);
    }

    public Page<Versioned<Interest>> find(InterestFilter filter, Paging paging) {
        return interests.find(filter.toQuery(callers.current()), paging.pageable());
    }

    /** Every OPEN interest in this direction, whoever may read it. */
    public List<Versioned<Interest>> open(Direction direction) {
        return interests.find(new Query(Criteria.where("state.status").is(InterestStatus.OPEN.name())
                .and("state.direction").is(direction.name())));
    }

    /** The OPEN interests whose last day was before {@code day}. */
    public List<Versioned<Interest>> openEndingBefore(LocalDate day) {
        return interests.find(new Query(Criteria.where("state.status").is(InterestStatus.OPEN.name())
                .and("state.validUntil").lt(day)));
    }

    public static boolean mayRead(Caller caller, Interest interest) {
        return caller.mayRead(interest.visibility().name(), interest.organisationId());
    }

    /** The interest as the caller read it, to be changed: 404 if it may not read it, 403 if it may not change it. */
    private Versioned<Interest> current(String id, long expectedVersion) {
        Versioned<Interest> current = get(id);
        requireOwner(callers.current(), current.state().organisationId());
        Preconditions.requireVersion(current.version(), expectedVersion);
        return current;
    }

    private static void requireOwner(Caller caller, String organisationId) {
        if (!caller.mayWrite(organisationId)) {
            throw new AccessDeniedException(!caller.isAnonymous(), "access.interest.change");
        }
    }

    private List<FieldProblem> problems(InterestDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Versioned<Organisation>> organisation = directory.find(details.organisationId());
        if (organisation.isEmpty()) {
            problems.add(new FieldProblem("organisationId", "reason.no-organisation", details.organisationId()));
        } else if (!organisation.get().state().active()) {
            problems.add(new FieldProblem("organisationId", "reason.inactive", organisation.get().state().name()));
        }
        List<String> countries = details.countries();
        IntStream.range(0, countries.size()).filter(i -> !Codes.isCountry(countries.get(i)))
                .forEach(i -> problems.add(new FieldProblem("countries[" + i + "]", "reason.country", countries.get(i))));
        List<String> regions = details.regions();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            if (!countries.isEmpty() && !countries.contains(region.substring(0, 2))) {
                problems.add(new FieldProblem("regions[" + i + "]", "reason.region.country", region,
                        String.join(", ", countries)));
            } else if (!Codes.isCountry(region.substring(0, 2)) || !Codes.isRegion(region)) {
                problems.add(new FieldProblem("regions[" + i + "]", "reason.region", region));
            }
        }
        List<String> areas = details.growthAreas();
        IntStream.range(0, areas.size()).filter(i -> !strategy.isGrowthArea(areas.get(i)))
                .forEach(i -> problems.add(new FieldProblem("growthAreas[" + i + "]", "reason.growth-area",
                        areas.get(i))));
        LocalDate today = LocalDate.now(clock);
        if (details.validUntil().isBefore(today)) {
            problems.add(new FieldProblem("validUntil", "reason.valid-until.past"));
        } else if (details.validUntil().isAfter(today.plusYears(LONGEST_YEARS))) {
            problems.add(new FieldProblem("validUntil", "reason.valid-until.far", LONGEST_YEARS));
        }
        String project = details.projectId();
        if (project != null && !project.isBlank() && projects.project(project.strip()).isEmpty()) {
            problems.add(new FieldProblem("projectId", "reason.no-project", project));
        }
        return problems;
    }
}
