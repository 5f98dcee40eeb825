package se.samverka.partnership.broker.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.activity.ProjectLinks.KnownProject;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.broker.interest.Interests;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.partnership.register.Partnership;
import se.samverka.partnership.register.PartnershipParty;
import se.samverka.partnership.register.PartnershipRegister;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.InvalidRequestException;

/**
 * Finds the matches of an interest: gathers the candidates of every kind from the service's own store (partnerships,
 * the directory, the projects known from their events, other interests), and has the {@link Matcher} rank them for
 * the caller.
 */
@Service
public class Matchmaking {

    static final int MAX_LIMIT = 100;

    private final Interests interests;
    private final PartnershipRegister partnerships;
    private final OrganisationDirectory directory;
    private final ProjectLinks projects;
    private final Matcher matcher;
    private final Callers callers;

    public Matchmaking(Interests interests, PartnershipRegister partnerships, OrganisationDirectory directory,
                       ProjectLinks projects, Matcher matcher, Callers callers) {
        this.interests = interests;
        this.partnerships = partnerships;
        this.directory = directory;
        this.projects = projects;
        this.matcher = matcher;
        this.callers = callers;
    }

    /** @throws se.samverka.platform.web.NotFoundException 404 when the caller may not read the interest */
    public List<Match> matches(String interestId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "reason.size", MAX_LIMIT);
        }
        Versioned<Interest> versioned = interests.get(interestId);
        Interest interest = versioned.state();
        Organisation stating = directory.find(interest.organisationId()).map(Versioned::state).orElse(null);
        Set<String> countries = new HashSet<>(interest.countries());
        interest.regions().forEach(region -> countries.add(region.substring(0, 2)));
        List<Versioned<Organisation>> there = directory.active(countries, stating == null ? null : stating.country());

        List<Versioned<Partnership>> partnershipsFound = Arrays.stream(PartnershipStatus.values())
                .filter(status -> status != PartnershipStatus.ENDED)
                .flatMap(status -> partnerships.inStatus(status).stream()).toList();
        List<KnownProject> projectsFound = countries.isEmpty()
                ? projects.concerning(List.of(), names(interest.themes()), interest.growthAreas(),
                matcher.businessStrategies())
                : projects.concerning(there.stream().map(Versioned::id).toList(), List.of(), List.of(), List.of());
        List<Versioned<Interest>> interestsFound = interests.open(interest.direction().opposite());

        Map<String, Organisation> organisations = organisations(there, Stream.of(
                partnershipsFound.stream().flatMap(p -> Stream.concat(
                        p.state().parties().stream().map(PartnershipParty::organisationId),
                        Stream.ofNullable(p.state().responsibleDepartmentId()))),
                projectsFound.stream().flatMap(p -> Stream.concat(Stream.ofNullable(p.ownerOrganisationId()),
                        p.partnerOrganisationIds().stream())),
                interestsFound.stream().map(i -> i.state().organisationId())).flatMap(ids -> ids).toList());

        List<Candidate> candidates = new ArrayList<>();
        partnershipsFound.forEach(p -> candidates.add(Candidates.partnership(p.id(), p.state(), organisations)));
        there.forEach(o -> candidates.add(Candidates.organisation(o.id(), o.state())));
        projectsFound.forEach(p -> candidates.add(Candidates.project(p, organisations)));
        interestsFound.forEach(i -> candidates.add(Candidates.interest(i.id(), i.state(), organisations)));
        return matcher.rank(new Seeker(interestId, interest, stating == null ? null : stating.sector()), candidates,
                callers.current(), limit);
    }

    public MatchWeights weights() {
        return matcher.weights();
    }

    private Map<String, Organisation> organisations(List<Versioned<Organisation>> known, Collection<String> more) {
        Map<String, Organisation> all = new HashMap<>();
        known.forEach(organisation -> all.put(organisation.id(), organisation.state()));
        List<String> missing = more.stream().filter(id -> !all.containsKey(id)).distinct().toList();
        directory.findAll(missing).forEach((id, organisation) -> all.put(id, organisation.state()));
        return all;
    }

    private static List<String> names(Collection<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).toList();
    }
}
