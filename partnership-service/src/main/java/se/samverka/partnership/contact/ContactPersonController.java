package se.samverka.partnership.contact;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.VersionedResponses;

@RestController
class ContactPersonController {

    private final ContactPersons contactPersons;

    ContactPersonController(ContactPersons contactPersons) {
        this.contactPersons = contactPersons;
    }

    @PostMapping("/api/organisations/{organisationId}/contact-persons")
    ResponseEntity<ContactPersonResource> add(@PathVariable String organisationId,
                                              @Valid @RequestBody ContactPersonDetails details) {
        ContactPersons.Located added = contactPersons.add(organisationId, details);
        return VersionedResponses.created("/api/contact-persons/" + added.person().id(), added.person().version(),
                ContactPersonResource.of(organisationId, added.person()));
    }

    @GetMapping("/api/organisations/{organisationId}/contact-persons")
    List<ContactPersonResource> of(@PathVariable String organisationId) {
        return contactPersons.of(organisationId).stream()
                .map(person -> ContactPersonResource.of(organisationId, person))
                .toList();
    }

    @GetMapping("/api/contact-persons/{id}")
    ResponseEntity<ContactPersonResource> get(@PathVariable String id) {
        ContactPersons.Located located = contactPersons.get(id);
        return VersionedResponses.ok(located.person().version(),
                ContactPersonResource.of(located.organisation().id(), located.person()));
    }

    @PutMapping("/api/contact-persons/{id}")
    ResponseEntity<ContactPersonResource> update(@PathVariable String id,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody ContactPersonDetails details) {
        ContactPersons.Located updated = contactPersons.update(id, Preconditions.expectedVersion(ifMatch), details);
        return VersionedResponses.ok(updated.person().version(),
                ContactPersonResource.of(updated.organisation().id(), updated.person()));
    }

    /** Erasure (GDPR art. 17): the person's data is deleted, and every service drops the id. */
    @DeleteMapping("/api/contact-persons/{id}")
    ResponseEntity<Void> erase(@PathVariable String id) {
        contactPersons.erase(id);
        return ResponseEntity.noContent().build();
    }

    /** Access (GDPR art. 15): everything held about the person, as a file. */
    @GetMapping("/api/contact-persons/{id}/export")
    ResponseEntity<ContactPersonExport> export(@PathVariable String id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contact-person-" + id + ".json\"")
                .body(contactPersons.export(id));
    }
}
