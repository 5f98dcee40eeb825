package se.samverka.partnership.organisation;

import jakarta.validation.Valid;
import java.util.Map;
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
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.VersionedResponses;
import se.samverka.reference.Sector;

@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    /** What a list may be sorted by, and the stored field each sorts on. */
    static final Map<String, String> SORTABLE = Map.of(
            "name", "state.name", "type", "state.type", "country", "state.country",
            "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final OrganisationDirectory directory;

    OrganisationController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<OrganisationResource> register(@Valid @RequestBody OrganisationDetails details) {
        Versioned<Organisation> organisation = directory.register(details);
        return VersionedResponses.created("/api/organisations/" + organisation.id(), organisation.version(),
                OrganisationResource.of(organisation));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganisationResource> find(@PathVariable String id) {
        Versioned<Organisation> organisation = directory.get(id);
        return VersionedResponses.ok(organisation.version(), OrganisationResource.of(organisation));
    }

    @PutMapping("/{id}")
    ResponseEntity<OrganisationResource> update(@PathVariable String id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody OrganisationDetails details) {
        Versioned<Organisation> organisation = directory.update(id, Preconditions.expectedVersion(ifMatch), details);
        return VersionedResponses.ok(organisation.version(), OrganisationResource.of(organisation));
    }

    @GetMapping
    PageResponse<OrganisationResource> list(@RequestParam(required = false) OrganisationType type,
                                            @RequestParam(required = false) String country,
                                            @RequestParam(required = false) Sector sector,
                                            @RequestParam(required = false) Boolean active,
                                            @RequestParam(required = false) String parent,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size,
                                            @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, SORTABLE, Sort.by("state.name"));
        return PageResponse.of(directory.find(new OrganisationFilter(type, country, sector, active, parent, q), paging),
                OrganisationResource::of);
    }
}
