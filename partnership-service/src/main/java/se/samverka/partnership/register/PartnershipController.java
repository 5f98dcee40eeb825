package se.samverka.partnership.register;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.VersionedResponses;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

@RestController
@RequestMapping("/api/partnerships")
class PartnershipController {

    /** What a list may be sorted by, and the stored field each sorts on. */
    static final Map<String, String> SORTABLE = Map.of(
            "name", "state.name", "type", "state.type", "status", "state.status",
            "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final PartnershipRegister register;
    private final PartnershipViews views;
    private final AgreementLeadTimes leadTimes;

    PartnershipController(PartnershipRegister register, PartnershipViews views, AgreementLeadTimes leadTimes) {
        this.register = register;
        this.views = views;
        this.leadTimes = leadTimes;
    }

    @PostMapping
    ResponseEntity<PartnershipResource> register(@Valid @RequestBody PartnershipDetails details) {
        Versioned<Partnership> partnership = register.register(details);
        return VersionedResponses.created("/api/partnerships/" + partnership.id(), partnership.version(),
                views.of(partnership));
    }

    /** Two segments, so never taken for a partnership's id. {@code withinDays} left out: the longest lead time. */
    @GetMapping("/agreements/due")
    List<DueAgreement> agreementsDue(@RequestParam(required = false) Integer withinDays) {
        return register.agreementsDue(withinDays == null ? leadTimes.longest() : withinDays);
    }

    @GetMapping("/{id}")
    ResponseEntity<PartnershipResource> find(@PathVariable String id) {
        return ok(register.get(id));
    }

    @GetMapping
    PageResponse<PartnershipResource> list(@RequestParam(required = false) PartnershipType type,
                                           @RequestParam(required = false) PartnershipStatus status,
                                           @RequestParam(required = false) Visibility visibility,
                                           @RequestParam(required = false) String responsibleDepartment,
                                           @RequestParam(required = false) String country,
                                           @RequestParam(required = false) String party,
                                           @RequestParam(required = false) String strategy,
                                           @RequestParam(required = false) GlobalTheme theme,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, SORTABLE, Sort.by("state.name"));
        Page<Versioned<Partnership>> found = register.find(new PartnershipFilter(type, status, visibility,
                responsibleDepartment, country, party, strategy, theme, q), paging);
        Page<PartnershipResource> shown = new PageImpl<>(views.of(found.getContent()), found.getPageable(),
                found.getTotalElements());
        return PageResponse.of(shown, resource -> resource);
    }

    @PutMapping("/{id}")
    ResponseEntity<PartnershipResource> describe(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody PartnershipDetails details) {
        return ok(register.describe(id, Preconditions.expectedVersion(ifMatch), details));
    }

    @PostMapping("/{id}/parties")
    ResponseEntity<PartnershipResource> addParty(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody PartnershipParty party) {
        return ok(register.addParty(id, Preconditions.expectedVersion(ifMatch), party));
    }

    @DeleteMapping("/{id}/parties/{organisationId}")
    ResponseEntity<PartnershipResource> removeParty(@PathVariable String id, @PathVariable String organisationId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(register.removeParty(id, Preconditions.expectedVersion(ifMatch), organisationId));
    }

    @PutMapping("/{id}/agreement")
    ResponseEntity<PartnershipResource> recordAgreement(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody Agreement agreement) {
        return ok(register.recordAgreement(id, Preconditions.expectedVersion(ifMatch), agreement));
    }

    @PostMapping("/{id}/decisions")
    ResponseEntity<PartnershipResource> recordDecision(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody DecisionDetails decision) {
        return ok(register.recordDecision(id, Preconditions.expectedVersion(ifMatch), decision));
    }

    @PostMapping("/{id}/transitions")
    ResponseEntity<PartnershipResource> transition(@PathVariable String id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody Transition transition) {
        return ok(register.transition(id, Preconditions.expectedVersion(ifMatch), transition));
    }

    private ResponseEntity<PartnershipResource> ok(Versioned<Partnership> partnership) {
        return VersionedResponses.ok(partnership.version(), views.of(partnership));
    }
}
