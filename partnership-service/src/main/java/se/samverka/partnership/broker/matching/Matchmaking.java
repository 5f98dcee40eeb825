package se.samverka.partnership.broker.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.activity.ProjectLinks.KnownProject;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.broker.interest.Interests;
import se.samverka.partnership.call.Call;
import se.samverka.partnership.call.CallRegister;
import se.samverka.partnership.call.CallStatus;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.partnership.register.Partnership;
import se.samverka.partnership.register.PartnershipParty;
import se.samverka.partnership.register.PartnershipRegister;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.reference.FundingProgrammes;

/**
 * Finds the matches of an interest or of a funding call: gathers the candidates of every kind from the service's own
 * store (partnerships, the directory, the projects known from their events, interests, calls), and has the
 * {@link Matcher} rank them for the caller.
 */
@Service
public class Matchmaking {

    static final int MAX_LIMIT = 100;

    private final Interests interests;
    private final PartnershipRegister partnerships;
    private final OrganisationDirectory directory;
    private final ProjectLinks projects;
    private final CallRegister calls;
    private final FundingProgrammes programmes;
    private final Matcher matcher;
    private final Callers callers;

    public Matchmaking(Interests interests, PartnershipRegister partnerships, OrganisationDirectory directory,
                       ProjectLinks projects, CallRegister calls, FundingProgrammes programmes, Matcher matcher,
                       Callers callers) {
        this.interests = interests;
        this.partnerships = partnerships;
        this.directory = directory;
        this.projects = projects;
        this.calls = calls;
        this.programmes = programmes;
        this.matcher = matcher;
        this.callers = callers;
    }

    /** @throws se.samverka.platform.web.NotFoundException 404 when the caller may not read the interest */
    public List<Match> matches(String interestId, int limit) {
        requireLimit(limit);
        Versioned<Interest> versioned = interests.get(interestId);
        Interest interest = versioned.state();
        Organisation stating = directory.find(interest.organisationId()).map(Versioned::state).orElse(null);
        Set<String> countries = new HashSet<>(interest.countries());
        interest.regions().forEach(region -> countries.add(region.substring(0, 2)));
        List<Versioned<Organisation>> there = directory.active(countries, stating == null ? null : stating.country());

        List<Versioned<Partnership>> partnershipsFound = notEnded();
        List<KnownProject> projectsFound = countries.isEmpty()
                ? projects.concerning(List.of(), names(interest.themes()), interest.growthAreas(),
                matcher.businessStrategies())
                : projects.concerning(there.stream().map(Versioned::id).toList(), List.of(), List.of(), List.of());
        List<Versioned<Interest>> interestsFound = interests.open(interest.direction().opposite());
        Map<String, Organisation> organisations = organisations(there,
                involved(partnershipsFound, projectsFound, interestsFound));

        List<Candidate> candidates = new ArrayList<>(partnerships(partnershipsFound, organisations));
        there.forEach(o -> candidates.add(Candidates.organisation(o.id(), o.state())));
        projectsFound.forEach(p -> candidates.add(Candidates.project(p, organisations)));
        interestsFound.forEach(i -> candidates.add(Candidates.interest(i.id(), i.state(), organisations)));
        LocalDate today = calls.today();
        calls.current().forEach(c -> candidates.add(Candidates.call(c.id(), c.state(),
                programme(c.state().programme()), today)));
        return matcher.rank(Seeker.interest(interestId, interest, stating), candidates, callers.current(), limit);
    }

    /**
     * A call's matches: partnerships, open interests, and projects in the idea or pre-study stage; none for a call one
     * may no longer apply to.
     *
     * @throws se.samverka.platform.web.NotFoundException 404 when the caller may not read the call
     */
    public List<Match> callMatches(String callId, int limit) {
        requireLimit(limit);
        Versioned<Call> call = calls.get(callId);
        CallStatus status = call.state().status(calls.today());
        if (status == CallStatus.CLOSED || status == CallStatus.WITHDRAWN) {
            return List.of();
        }
        List<Versioned<Partnership>> partnershipsFound = notEnded();
        List<KnownProject> projectsFound = projects.inStatus(Matcher.EARLY_STAGES);
        List<Versioned<Interest>> interestsFound = Arrays.stream(Direction.values())
                .flatMap(direction -> interests.open(direction).stream()).toList();
        Map<String, Organisation> organisations = organisations(List.of(),
                involved(partnershipsFound, projectsFound, interestsFound));

        List<Candidate> candidates = new ArrayList<>(partnerships(partnershipsFound, organisations));
        projectsFound.forEach(p -> candidates.add(Candidates.project(p, organisations)));
        interestsFound.forEach(i -> candidates.add(Candidates.interest(i.id(), i.state(), organisations)));
        return matcher.rank(Seeker.call(callId, call.state()), candidates, callers.current(), limit);
    }

    public MatchWeights weights() {
        return matcher.weights();
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "reason.size", MAX_LIMIT);
        }
    }

    private List<Versioned<Partnership>> notEnded() {
        return Arrays.stream(PartnershipStatus.values())
                .filter(status -> status != PartnershipStatus.ENDED)
                .flatMap(status -> partnerships.inStatus(status).stream()).toList();
    }

    /** The partnerships as candidates, each with the growth areas of the projects known to belong to it. */
    private List<Candidate> partnerships(List<Versioned<Partnership>> found, Map<String, Organisation> organisations) {
        Map<String, List<String>> linked = projects.projectsOf(found.stream().map(Versioned::id).toList());
        Map<String, KnownProject> known = projects.projects(linked.values().stream().flatMap(List::stream).distinct()
                .toList());
        return found.stream().map(p -> Candidates.partnership(p.id(), p.state(), organisations,
                linked.getOrDefault(p.id(), List.of()).stream().map(known::get).filter(Objects::nonNull)
                        .flatMap(project -> project.growthAreas().stream()).distinct().toList())).toList();
    }

    /** The organisations the candidates consist of or belong to. */
    private static List<String> involved(List<Versioned<Partnership>> partnerships, List<KnownProject> projects,
                                         List<Versioned<Interest>> interests) {
        return Stream.of(
                partnerships.stream().flatMap(p -> Stream.concat(
                        p.state().parties().stream().map(PartnershipParty::organisationId),
                        Stream.ofNullable(p.state().responsibleDepartmentId()))),
                projects.stream().flatMap(p -> Stream.concat(Stream.ofNullable(p.ownerOrganisationId()),
                        p.partnerOrganisationIds().stream())),
                interests.stream().map(i -> i.state().organisationId())).flatMap(ids -> ids).toList();
    }

    private Map<String, Organisation> organisations(List<Versioned<Organisation>> known, Collection<String> more) {
        Map<String, Organisation> all = new HashMap<>();
        known.forEach(organisation -> all.put(organisation.id(), organisation.state()));
        List<String> missing = more.stream().filter(id -> !all.containsKey(id)).distinct().toList();
        directory.findAll(missing).forEach((id, organisation) -> all.put(id, organisation.state()));
        return all;
    }

    private Word.Name programme(String code) {
        return programmes.programme(code).map(p -> new Word.Name(p.name().sv(), p.name().en()))
                .orElseGet(() -> Word.Name.of(code));
    }

    private static List<String> names(Collection<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).toList();
    }
}
