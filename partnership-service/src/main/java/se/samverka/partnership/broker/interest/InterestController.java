package se.samverka.partnership.broker.interest;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.VersionedResponses;

@RestController
@RequestMapping("/api/interests")
class InterestController {

    /** What a list may be sorted by, and the stored field each sorts on. */
    static final Map<String, String> SORTABLE = Map.of(
            "title", "state.title", "validUntil", "state.validUntil", "createdAt", "createdAt",
            "updatedAt", "updatedAt");

    private final Interests interests;
    private final OrganisationDirectory directory;
    private final Callers callers;

    InterestController(Interests interests, OrganisationDirectory directory, Callers callers) {
        this.interests = interests;
        this.directory = directory;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<InterestResource> state(@Valid @RequestBody InterestDetails details) {
        Versioned<Interest> interest = interests.state(details);
        return VersionedResponses.created("/api/interests/" + interest.id(), interest.version(), view(interest));
    }

    @GetMapping("/{id}")
    ResponseEntity<InterestResource> find(@PathVariable String id) {
        return ok(interests.get(id));
    }

    /** Newest first unless sorted otherwise. */
    @GetMapping
    PageResponse<InterestResource> list(@RequestParam(required = false) String organisationId,
                                        @RequestParam(required = false) Direction direction,
                                        @RequestParam(required = false) InterestFilter.Standing status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"));
        Page<Versioned<Interest>> found = interests.find(new InterestFilter(organisationId, direction, status), paging);
        Page<InterestResource> shown = new PageImpl<>(views(found.getContent()), found.getPageable(),
                found.getTotalElements());
        return PageResponse.of(shown, resource -> resource);
    }

    @PutMapping("/{id}")
    ResponseEntity<InterestResource> describe(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody InterestDetails details) {
        return ok(interests.describe(id, Preconditions.expectedVersion(ifMatch), details));
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<InterestResource> withdraw(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch) {
        return ok(interests.withdraw(id, Preconditions.expectedVersion(ifMatch)));
    }

    private ResponseEntity<InterestResource> ok(Versioned<Interest> interest) {
        return VersionedResponses.ok(interest.version(), view(interest));
    }

    private InterestResource view(Versioned<Interest> interest) {
        return views(List.of(interest)).get(0);
    }

    /** The interests with their organisations' names, read from the directory once. */
    private List<InterestResource> views(Collection<Versioned<Interest>> shown) {
        Map<String, Versioned<Organisation>> organisations = directory.findAll(shown.stream()
                .map(interest -> interest.state().organisationId()).distinct().toList());
        Caller caller = callers.current();
        return shown.stream().map(versioned -> {
            Interest i = versioned.state();
            Versioned<Organisation> organisation = organisations.get(i.organisationId());
            return new InterestResource(versioned.id(), versioned.version(), i.organisationId(),
                    organisation == null ? null : organisation.state().name(), i.direction(), i.purposes(), i.title(),
                    i.summary(), i.countries(), i.regions(), i.themes(), i.growthAreas(), i.sectors(), i.projectId(),
                    i.validUntil(), i.visibility(), i.status(), i.statedAt(),
                    caller.seesInternals(i.organisationId()) ? i.statedBy() : null);
        }).toList();
    }
}
