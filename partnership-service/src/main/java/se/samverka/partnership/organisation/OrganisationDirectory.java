package se.samverka.partnership.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.platform.web.Reason;
import se.samverka.reference.Sector;

/** The actor directory: registers and describes organisations, and answers who exists. */
@Service
public class OrganisationDirectory {

    private static final int MAX_PARENT_DEPTH = 50;

    private final AggregateStore<Organisation> organisations;
    private final Callers callers;

    public OrganisationDirectory(AggregateStore<Organisation> organisations, Callers callers) {
        this.organisations = organisations;
        this.callers = callers;
    }

    /** @throws AccessDeniedException 403 unless the caller is staff, a company or the coordinator */
    public Versioned<Organisation> register(OrganisationDetails details) {
        Caller caller = callers.require(Caller::mayCreate, "access.organisation.register");
        String id = UUID.randomUUID().toString();
        Change<Organisation> registered = Organisation.register(id, details, validatedSector(id, details),
                caller.is(Role.ADMIN) ? null : caller.organisationId());
        return uniqueNumber(() -> organisations.create(id, registered));
    }

    /** @throws AccessDeniedException 403 unless the caller may keep this organisation up to date */
    public Versioned<Organisation> update(String id, long expectedVersion, OrganisationDetails details) {
        Versioned<Organisation> current = get(id);
        requireChangeableBy(callers.current(), current);
        Preconditions.requireVersion(current.version(), expectedVersion);
        Change<Organisation> described = current.state().describe(id, details, validatedSector(id, details));
        return uniqueNumber(() -> organisations.update(current, described));
    }

    public Versioned<Organisation> get(String id) {
        return organisations.find(id).orElseThrow(() -> new NotFoundException("not-found.organisation", id));
    }

    public Optional<Versioned<Organisation>> find(String id) {
        return organisations.find(id);
    }

    public Page<Versioned<Organisation>> find(OrganisationFilter filter, Paging paging) {
        return organisations.find(filter.toQuery(), paging.pageable());
    }

    public List<String> idsInCountry(String country) {
        return organisations.find(new Query(Criteria.where("state.country").is(country))).stream().map(Versioned::id).toList();
    }

    /** The active organisations in these countries, or, when none are named, in every country but {@code home}. */
    public List<Versioned<Organisation>> active(Collection<String> countries, String home) {
        Criteria where = countries.isEmpty() ? Criteria.where("state.country").ne(home)
                : Criteria.where("state.country").in(countries);
        return organisations.find(new Query(where.and("state.active").is(true)));
    }

    /** The organisations with these ids that exist, by id. */
    public Map<String, Versioned<Organisation>> findAll(Collection<String> ids) {
        return organisations.find(new Query(Criteria.where("_id").in(ids))).stream()
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    /** @throws AccessDeniedException 401 or 403 unless the caller may change the organisation or its contact persons */
    public static void requireChangeableBy(Caller caller, Versioned<Organisation> organisation) {
        if (!organisation.state().mayBeChangedBy(caller, organisation.id())) {
            throw new AccessDeniedException(!caller.isAnonymous(), "access.organisation.change");
        }
    }

    /** The sector the details come to, once they are found sound: 422 with every problem otherwise. */
    private Sector validatedSector(String id, OrganisationDetails details) {
        List<FieldProblem> problems = new ArrayList<>(Codes.problems(details));
        Sector sector = sector(details, problems);
        if (details.parentOrganisationId() != null) {
            parentProblem(id, details.parentOrganisationId()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return sector;
    }

    private static Sector sector(OrganisationDetails details, List<FieldProblem> problems) {
        Optional<Sector> byType = details.type().sector();
        if (byType.isPresent()) {
            if (details.sector() != null && details.sector() != byType.get()) {
                problems.add(new FieldProblem("sector", "reason.sector.of-type",
                        Reason.term("organisation-type", details.type().name()), Reason.term("sector", byType.get().name())));
            }
            return byType.get();
        }
        if (details.sector() == null) {
            problems.add(new FieldProblem("sector", "reason.sector.required",
                    Reason.term("organisation-type", details.type().name())));
        }
        return details.sector();
    }

    /** The parent must exist and must not be the organisation itself or one of its descendants. */
    private Optional<FieldProblem> parentProblem(String id, String parentId) {
        Set<String> seen = new HashSet<>();
        String ancestor = parentId;
        for (int depth = 0; ancestor != null && depth < MAX_PARENT_DEPTH; depth++) {
            if (ancestor.equals(id) || !seen.add(ancestor)) {
                return Optional.of(new FieldProblem("parentOrganisationId", "reason.parent.cycle", parentId));
            }
            Optional<Versioned<Organisation>> found = organisations.find(ancestor);
            if (found.isEmpty()) {
                return depth == 0
                        ? Optional.of(new FieldProblem("parentOrganisationId", "reason.no-organisation", parentId))
                        : Optional.empty();
            }
            ancestor = found.get().state().parentOrganisationId();
        }
        return Optional.empty();
    }

    private static <T> T uniqueNumber(Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw new InvalidRequestException("organisationNumber", "reason.organisation-number.taken");
        }
    }
}
