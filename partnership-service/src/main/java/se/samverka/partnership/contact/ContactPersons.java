package se.samverka.partnership.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Preconditions;

/**
 * Contact persons of organisations: personal data, kept inside their organisation's document so that removing a
 * person and announcing it is one write. Events carry only ids; logs name only ids. A person is deleted on
 * request (erasure) and when the retention date has passed.
 */
@Service
public class ContactPersons {

    private static final Logger log = LoggerFactory.getLogger(ContactPersons.class);
    private static final int ATTEMPTS = 5;

    /** A person and the organisation they belong to. */
    public record Located(Versioned<Organisation> organisation, ContactPerson person) {
    }

    private final AggregateStore<Organisation> organisations;
    private final OrganisationDirectory directory;
    private final Callers callers;
    private final Clock clock;

    public ContactPersons(AggregateStore<Organisation> organisations, OrganisationDirectory directory, Callers callers,
                          Clock clock) {
        this.organisations = organisations;
        this.directory = directory;
        this.callers = callers;
        this.clock = clock;
    }

    /**
     * Whether a caller handles an organisation's contact persons: the municipality's people for every organisation,
     * a company for those it keeps up to date; partners and anonymous callers never.
     */
    private static boolean handles(Caller caller, Versioned<Organisation> organisation) {
        return caller.isMunicipality() || organisation.state().mayBeChangedBy(caller, organisation.id());
    }

    /** The organisation, if the caller handles its contact persons (401 or 403 if not: the organisation is public). */
    private Versioned<Organisation> handled(String organisationId) {
        Versioned<Organisation> organisation = directory.get(organisationId);
        Caller caller = callers.current();
        if (!handles(caller, organisation)) {
            throw new AccessDeniedException(!caller.isAnonymous(), "access.contact-persons");
        }
        return organisation;
    }

    /** Adds a person. Needs no If-Match: it adds to a list and overwrites nothing; a concurrent change is retried. */
    public Located add(String organisationId, ContactPersonDetails details) {
        String id = UUID.randomUUID().toString();
        handled(organisationId);
        return retrying(() -> {
            Versioned<Organisation> organisation = directory.get(organisationId);
            ContactPerson person = new ContactPerson(id, 1, details.name().strip(), details.role(), details.email(),
                    details.phone(), details.lawfulBasis(), details.retainUntil(), clock.instant());
            return new Located(organisations.update(organisation,
                    organisation.state().addContactPerson(organisationId, person)), person);
        });
    }

    /** A person the caller handles; any other is answered as if it did not exist. */
    public Located get(String personId) {
        Located located = locate(personId);
        if (!handles(callers.current(), located.organisation())) {
            throw new NotFoundException("not-found.contact-person", personId);
        }
        return located;
    }

    private Located locate(String personId) {
        // Nested ids are stored as _id, as the mapping does for every property called id.
        return organisations.find(new Query(Criteria.where("state.contactPersons._id").is(personId))).stream()
                .findFirst()
                .flatMap(organisation -> organisation.state().contactPersons().stream()
                        .filter(person -> person.id().equals(personId))
                        .findFirst()
                        .map(person -> new Located(organisation, person)))
                .orElseThrow(() -> new NotFoundException("not-found.contact-person", personId));
    }

    public List<ContactPerson> of(String organisationId) {
        return handled(organisationId).state().contactPersons();
    }

    public Located update(String personId, long expectedVersion, ContactPersonDetails details) {
        get(personId);
        return retrying(() -> {
            Located current = locate(personId);
            Preconditions.requireVersion(current.person().version(), expectedVersion);
            ContactPerson changed = new ContactPerson(personId, expectedVersion + 1, details.name().strip(),
                    details.role(), details.email(), details.phone(), details.lawfulBasis(), details.retainUntil(),
                    current.person().registeredAt());
            Versioned<Organisation> organisation = current.organisation();
            return new Located(organisations.update(organisation,
                    organisation.state().changeContactPerson(organisation.id(), changed)), changed);
        });
    }

    /** Deletes everything held about the person (GDPR art. 17); other services drop the id when they hear of it. */
    public void erase(String personId) {
        requireCoordinator(personId, "access.erasure");
        retrying(() -> remove(locate(personId), "ERASED"));
        log.info("Erased contact person {}", personId);
    }

    public ContactPersonExport export(String personId) {
        Located located = requireCoordinator(personId, "access.copy");
        return new ContactPersonExport(clock.instant(), "the municipality's international coordination",
                ContactPersonResource.of(located.organisation().id(), located.person()),
                located.organisation().state().name(), "partnership-service (organisation directory)",
                "To contact the organisation about international partnerships and projects");
    }

    /** Deletes the persons whose retention date has passed. */
    @Scheduled(initialDelayString = "${samverka.contact-persons.retention-check-delay:PT1M}",
            fixedDelayString = "${samverka.contact-persons.retention-check-interval:PT6H}")
    public void removeExpired() {
        LocalDate today = LocalDate.now(clock);
        Query expired = new Query(Criteria.where("state.contactPersons.retainUntil").lt(today));
        for (Versioned<Organisation> organisation : organisations.find(expired)) {
            organisation.state().contactPersons().stream()
                    .filter(person -> person.retainUntil().isBefore(today))
                    .forEach(person -> {
                        try {
                            retrying(() -> remove(locate(person.id()), "RETENTION_EXPIRED"));
                            log.info("Deleted contact person {}: retention date passed", person.id());
                        } catch (NotFoundException gone) {
                            // Another instance's sweep deleted it first; the rest are still this sweep's to delete.
                            log.debug("Contact person {} was deleted meanwhile", person.id());
                        }
                    });
        }
    }

    /** The person, for the coordinator: 404 to whoever may not see it, 403 to staff who may. */
    private Located requireCoordinator(String personId, String reason) {
        Located located = get(personId);
        callers.require(caller -> caller.is(Role.ADMIN), reason);
        return located;
    }

    private Located remove(Located located, String reason) {
        Versioned<Organisation> organisation = located.organisation();
        return new Located(organisations.update(organisation,
                organisation.state().removeContactPerson(organisation.id(), located.person().id(), reason)),
                located.person());
    }


    /** Repeats a read-modify-write whose organisation changed meanwhile (another person, its description). */
    private static <T> T retrying(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
