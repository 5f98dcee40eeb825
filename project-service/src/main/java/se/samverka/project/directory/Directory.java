package se.samverka.project.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallUpdated;
import se.samverka.partnership.contracts.CallWithdrawn;
import se.samverka.partnership.contracts.ContactPersonAdded;
import se.samverka.partnership.contracts.ContactPersonRemoved;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;

/**
 * The organisations, their contact persons, the partnerships and the funding calls that projects refer to, kept from
 * the events of partnership-service: what makes an unknown id a 422 without a call to another service. Kept in
 * generations, so that it can be rebuilt from the topics while it serves.
 */
@Component
public class Directory {

    private final GenerationalStore<KnownOrganisation> organisations;
    private final GenerationalStore<KnownPartnership> partnerships;
    private final GenerationalStore<KnownCall> calls;

    public Directory(Generations generations) {
        this.organisations = generations.store("known_organisations", KnownOrganisation.class);
        this.partnerships = generations.store("known_partnerships", KnownPartnership.class);
        this.calls = generations.store("known_calls", KnownCall.class);
    }

    public Optional<KnownOrganisation> organisation(String id) {
        return Optional.ofNullable(organisations(List.of(id)).get(id));
    }

    public Map<String, KnownOrganisation> organisations(Collection<String> ids) {
        return byId(organisations.serving(), ids, KnownOrganisation::id);
    }

    public List<String> organisationsIn(String country) {
        return organisations.serving().find(Query.query(Criteria.where("view.country").is(country))).stream()
                .map(KnownOrganisation::id).toList();
    }

    /** Whether any organisation has this contact person. */
    public boolean hasContactPerson(String contactPersonId) {
        return !organisations.serving().find(Query.query(Criteria.where("view.contactPersonIds").is(contactPersonId)))
                .isEmpty();
    }

    public Map<String, KnownPartnership> partnerships(Collection<String> ids) {
        return byId(partnerships.serving(), ids, KnownPartnership::id);
    }

    public Map<String, KnownCall> calls(Collection<String> ids) {
        return byId(calls.serving(), ids, KnownCall::id);
    }

    /**
     * What one request reads of the directory, it reads from the store once: a registration's checks, its assessment
     * and the view in its answer ask for the same organisations, and get them from one round trip, all as of one
     * moment. Outside a request (what an event sets off) each call reads the store. No ids, no round trip.
     */
    private static <V> Map<String, V> byId(ProjectionStore<V> store, Collection<String> ids, Function<V, String> id) {
        Map<String, Optional<V>> read = readInThisRequest(store.collection());
        List<String> unread = ids.stream().filter(wanted -> !read.containsKey(wanted)).distinct().toList();
        if (!unread.isEmpty()) {
            Map<String, V> found = store.find(Query.query(Criteria.where("_id").in(unread))).stream()
                    .collect(Collectors.toMap(id, Function.identity()));
            unread.forEach(wanted -> read.put(wanted, Optional.ofNullable(found.get(wanted))));
        }
        Map<String, V> known = new HashMap<>();
        ids.forEach(wanted -> read.get(wanted).ifPresent(value -> known.put(wanted, value)));
        return known;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, Optional<V>> readInThisRequest(String collection) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        String name = Directory.class.getName() + "." + collection;
        Object read = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (read == null) {
            read = new HashMap<String, Optional<V>>();
            request.setAttribute(name, read, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Optional<V>>) read;
    }

    Projection<KnownOrganisation> organisationProjection() {
        return Projection.into(organisations)
                .on(OrganisationRegistered.class, (current, e, envelope) ->
                        known(e.organisationId(), e.description(), List.of()))
                .on(OrganisationUpdated.class, (current, e, envelope) -> known(e.organisationId(), e.description(),
                        current.map(KnownOrganisation::contactPersonIds).orElse(List.of())))
                .on(ContactPersonAdded.class, (current, e, envelope) -> current.map(organisation -> {
                    List<String> ids = new ArrayList<>(organisation.contactPersonIds());
                    ids.add(e.contactPersonId());
                    return organisation.withContactPersons(ids);
                }).orElse(null))
                .on(ContactPersonRemoved.class, (current, e, envelope) -> current.map(organisation ->
                        organisation.withContactPersons(organisation.contactPersonIds().stream()
                                .filter(id -> !id.equals(e.contactPersonId())).toList())).orElse(null))
                .build();
    }

    GenerationalStore<KnownOrganisation> organisationStore() {
        return organisations;
    }

    GenerationalStore<KnownPartnership> partnershipStore() {
        return partnerships;
    }

    Projection<KnownPartnership> partnershipProjection() {
        return Projection.into(partnerships)
                .on(PartnershipRegistered.class, (current, e, envelope) ->
                        known(e.partnershipId(), e.status(), e.description()))
                .on(PartnershipUpdated.class, (current, e, envelope) -> current.map(partnership ->
                        known(partnership.id(), partnership.status(), e.description())).orElse(null))
                .on(PartnershipStatusChanged.class, (current, e, envelope) -> current.map(partnership ->
                        new KnownPartnership(partnership.id(), partnership.name(), partnership.type(), e.to(),
                                partnership.visibility(), partnership.ownerOrganisationId())).orElse(null))
                .build();
    }

    GenerationalStore<KnownCall> callStore() {
        return calls;
    }

    /** A call's deadline notices change nothing of what is known of it. */
    Projection<KnownCall> callProjection() {
        return Projection.into(calls)
                .on(CallPublished.class, (current, e, envelope) -> known(e.callId(), e.description(), false))
                .on(CallUpdated.class, (current, e, envelope) -> known(e.callId(), e.description(),
                        current.map(KnownCall::withdrawn).orElse(false)))
                .on(CallWithdrawn.class, (current, e, envelope) -> current.map(call -> new KnownCall(call.id(),
                        call.programme(), call.name(), call.deadline(), true)).orElse(null))
                .build();
    }

    private static KnownCall known(String id, CallDescription d, boolean withdrawn) {
        return new KnownCall(id, d.programme(), d.name(), d.deadline(), withdrawn);
    }

    private static KnownOrganisation known(String id, OrganisationDescription d, List<String> contactPersonIds) {
        return new KnownOrganisation(id, d.name(), d.type(), d.sector(), d.country(), d.region(),
                d.parentOrganisationId(), d.takesPart(), contactPersonIds);
    }

    private static KnownPartnership known(String id, String status, PartnershipDescription d) {
        return new KnownPartnership(id, d.name(), d.type(), status, d.visibility(), d.responsibleDepartmentId());
    }
}
