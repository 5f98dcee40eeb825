package se.samverka.partnership.organisation;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.VersionedResponses;

@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    private final OrganisationDirectory directory;

    OrganisationController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<OrganisationResource> register(@Valid @RequestBody RegisterOrganisation request) {
        Versioned<Organisation> organisation = directory.register(request);
        return VersionedResponses.created("/api/organisations/" + organisation.id(), organisation.version(),
                OrganisationResource.of(organisation));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganisationResource> find(@PathVariable String id) {
        Versioned<Organisation> organisation = directory.find(id)
                .orElseThrow(() -> new NotFoundException("Organisation", id));
        return VersionedResponses.ok(organisation.version(), OrganisationResource.of(organisation));
    }

    @GetMapping
    List<OrganisationResource> all() {
        return directory.all().stream().map(OrganisationResource::of).toList();
    }
}
