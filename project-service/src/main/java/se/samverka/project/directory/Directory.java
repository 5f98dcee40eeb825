package se.samverka.project.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.ContactPersonAdded;
import se.samverka.partnership.contracts.ContactPersonRemoved;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;

/**
 * The organisations, their contact persons and the partnerships that projects refer to, kept from the events of
 * partnership-service: what makes an unknown id a 422 without a call to another service.
 */
@Component
public class Directory {

    private final ProjectionStore<KnownOrganisation> organisations;
    private final ProjectionStore<KnownPartnership> partnerships;

    public Directory(ProjectionStores stores) {
        this.organisations = stores.create("known_organisations", KnownOrganisation.class);
        this.partnerships = stores.create("known_partnerships", KnownPartnership.class);
    }

    public Optional<KnownOrganisation> organisation(String id) {
        return organisations.find(id);
    }

    public Map<String, KnownOrganisation> organisations(Collection<String> ids) {
        return byId(organisations, ids, KnownOrganisation::id);
    }

    public List<String> organisationsIn(String country) {
        return organisations.find(Query.query(Criteria.where("view.country").is(country))).stream()
                .map(KnownOrganisation::id).toList();
    }

    /** Whether any organisation has this contact person. */
    public boolean hasContactPerson(String contactPersonId) {
        return !organisations.find(Query.query(Criteria.where("view.contactPersonIds").is(contactPersonId))).isEmpty();
    }

    public Map<String, KnownPartnership> partnerships(Collection<String> ids) {
        return byId(partnerships, ids, KnownPartnership::id);
    }

    /** No ids, no round trip to the store: most projects name no partnership, many no partner. */
    private static <V> Map<String, V> byId(ProjectionStore<V> store, Collection<String> ids, Function<V, String> id) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.find(Query.query(Criteria.where("_id").in(ids))).stream()
                .collect(Collectors.toMap(id, Function.identity()));
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

    private static KnownOrganisation known(String id, OrganisationDescription d, List<String> contactPersonIds) {
        return new KnownOrganisation(id, d.name(), d.type(), d.sector(), d.country(), d.region(),
                d.parentOrganisationId(), d.takesPart(), contactPersonIds);
    }

    private static KnownPartnership known(String id, String status, PartnershipDescription d) {
        return new KnownPartnership(id, d.name(), d.type(), status, d.visibility(), d.responsibleDepartmentId());
    }
}
