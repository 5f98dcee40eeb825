package se.samverka.partnership.partnership;

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
@RequestMapping("/api/partnerships")
class PartnershipController {

    private final PartnershipRegister register;

    PartnershipController(PartnershipRegister register) {
        this.register = register;
    }

    @PostMapping
    ResponseEntity<PartnershipResource> register(@Valid @RequestBody RegisterPartnership request) {
        Versioned<Partnership> partnership = register.register(request);
        return VersionedResponses.created("/api/partnerships/" + partnership.id(), partnership.version(),
                PartnershipResource.of(partnership));
    }

    @GetMapping("/{id}")
    ResponseEntity<PartnershipResource> find(@PathVariable String id) {
        Versioned<Partnership> partnership = register.find(id)
                .orElseThrow(() -> new NotFoundException("Partnership", id));
        return VersionedResponses.ok(partnership.version(), PartnershipResource.of(partnership));
    }

    @GetMapping
    List<PartnershipResource> all() {
        return register.all().stream().map(PartnershipResource::of).toList();
    }
}
