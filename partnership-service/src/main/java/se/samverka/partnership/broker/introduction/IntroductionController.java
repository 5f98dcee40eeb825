package se.samverka.partnership.broker.introduction;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.VersionedResponses;

@RestController
@RequestMapping("/api/introductions")
class IntroductionController {

    private final Introductions introductions;
    private final Counterparts counterparts;
    private final OrganisationDirectory directory;

    IntroductionController(Introductions introductions, Counterparts counterparts, OrganisationDirectory directory) {
        this.introductions = introductions;
        this.counterparts = counterparts;
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<IntroductionResource> propose(@Valid @RequestBody IntroductionProposal proposal) {
        Versioned<Introduction> introduction = introductions.propose(proposal);
        return VersionedResponses.created("/api/introductions/" + introduction.id(), introduction.version(),
                view(introduction));
    }

    @GetMapping("/{id}")
    ResponseEntity<IntroductionResource> find(@PathVariable String id) {
        return ok(introductions.get(id));
    }

    /** Newest first. */
    @GetMapping
    PageResponse<IntroductionResource> list(@RequestParam(required = false) String organisationId,
                                            @RequestParam(required = false) IntroductionStatus status,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, null, Map.of(), Sort.by(Sort.Direction.DESC, "createdAt"));
        Page<Versioned<Introduction>> found = introductions.find(new IntroductionFilter(organisationId, status),
                paging);
        Page<IntroductionResource> shown = new PageImpl<>(views(found.getContent()), found.getPageable(),
                found.getTotalElements());
        return PageResponse.of(shown, resource -> resource);
    }

    @PostMapping("/{id}/answers")
    ResponseEntity<IntroductionResource> answer(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody AnswerDetails answer) {
        return ok(introductions.answer(id, Preconditions.expectedVersion(ifMatch), answer));
    }

    @PostMapping("/{id}/outcomes")
    ResponseEntity<IntroductionResource> recordOutcome(@PathVariable String id, @RequestHeader(
            value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody OutcomeDetails outcome) {
        return ok(introductions.recordOutcome(id, Preconditions.expectedVersion(ifMatch), outcome));
    }

    private ResponseEntity<IntroductionResource> ok(Versioned<Introduction> introduction) {
        return VersionedResponses.ok(introduction.version(), view(introduction));
    }

    private IntroductionResource view(Versioned<Introduction> introduction) {
        return views(List.of(introduction)).get(0);
    }

    /** The introductions with the names of what they concern, the organisations read from the directory once. */
    private List<IntroductionResource> views(Collection<Versioned<Introduction>> shown) {
        Map<String, Versioned<Organisation>> organisations = directory.findAll(shown.stream()
                .flatMap(introduction -> introduction.state().sides().stream()).distinct().toList());
        return shown.stream().map(versioned -> {
            Introduction i = versioned.state();
            return new IntroductionResource(versioned.id(), versioned.version(), i.interestId(),
                    name(counterparts.find(CounterpartKind.INTEREST, i.interestId())), i.organisationId(),
                    name(organisations.get(i.organisationId())), i.counterpartKind(), i.counterpartId(),
                    name(counterparts.find(i.counterpartKind(), i.counterpartId())), i.counterpartOrganisationId(),
                    name(organisations.get(i.counterpartOrganisationId())), i.partnershipId(),
                    i.partnershipId() == null ? null
                            : name(counterparts.find(CounterpartKind.PARTNERSHIP, i.partnershipId())),
                    i.proposedAt(), i.proposedByOrganisationId(), i.note(), i.status(),
                    i.answers().stream().map(a -> new IntroductionResource.AnswerView(a.organisationId(), a.answer(),
                            a.at())).toList(),
                    i.outcomes().stream().map(o -> new IntroductionResource.OutcomeView(o.outcome(), o.outcomeOn(),
                            o.projectId(), o.note())).toList());
        }).toList();
    }

    private static String name(Optional<Counterparts.Counterpart> counterpart) {
        return counterpart.map(Counterparts.Counterpart::name).orElse(null);
    }

    private static String name(Versioned<Organisation> organisation) {
        return organisation == null ? null : organisation.state().name();
    }
}
