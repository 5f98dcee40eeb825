package se.samverka.subscription.project;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;

/**
 * The organisations' countries and the partnerships' visibility, learnt from their topics: a project's countries are
 * its owner's and partners' countries, and a partnership id is only disclosed to whom may read the partnership.
 */
@Component
public class Directory {

    /** An organisation's country (ISO 3166-1 alpha-2). */
    public record KnownOrganisation(String country) {
    }

    /**
     * @param visibility          INTERNAL, COUNTY or PUBLIC
     * @param ownerOrganisationId the responsible department
     */
    public record KnownPartnership(String visibility, String ownerOrganisationId) {
    }

    private final GenerationalStore<KnownOrganisation> organisations;
    private final GenerationalStore<KnownPartnership> partnerships;
    private final Projection<KnownOrganisation> organisationProjection;
    private final Projection<KnownPartnership> partnershipProjection;

    public Directory(Generations generations) {
        this.organisations = generations.store("organisations", KnownOrganisation.class);
        this.partnerships = generations.store("partnerships", KnownPartnership.class);
        this.organisationProjection = Projection.into(organisations)
                .on(OrganisationRegistered.class, (current, o, event) -> known(o.description()))
                .on(OrganisationUpdated.class, (current, o, event) -> known(o.description()))
                .build();
        this.partnershipProjection = Projection.into(partnerships)
                .on(PartnershipRegistered.class, (current, p, event) -> known(p.description()))
                .on(PartnershipUpdated.class, (current, p, event) -> known(p.description()))
                .build();
    }

    Projection<KnownOrganisation> organisationProjection() {
        return organisationProjection;
    }

    Projection<KnownPartnership> partnershipProjection() {
        return partnershipProjection;
    }

    GenerationalStore<KnownOrganisation> organisationStore() {
        return organisations;
    }

    GenerationalStore<KnownPartnership> partnershipStore() {
        return partnerships;
    }

    /**
     * What is known of organisations and partnerships, each read once for as long as the returned object is used: the
     * events that arrive together name the same few (a county's municipalities, its twin cities), each event is
     * disclosed to every subscriber, and one look-up each was most of what following a bulk import cost.
     */
    public Remembered remembering() {
        return new Remembered();
    }

    /** The directory as read by one batch of events; not for use by more than one thread. */
    public final class Remembered {

        private final Map<String, Optional<KnownOrganisation>> knownOrganisations = new HashMap<>();
        private final Map<String, Optional<KnownPartnership>> knownPartnerships = new HashMap<>();

        private Remembered() {
        }

        /** The countries of these organisations, as far as known. */
        public List<String> countries(Collection<String> organisationIds) {
            return read(organisationIds, knownOrganisations, organisations.serving()).values().stream()
                    .map(KnownOrganisation::country).filter(Objects::nonNull).distinct().toList();
        }

        /** These partnerships as far as known, by id. */
        public Map<String, KnownPartnership> partnerships(Collection<String> partnershipIds) {
            return read(partnershipIds, knownPartnerships, partnerships.serving());
        }

        /** The known of {@code ids}, by id in their order, the ones not yet remembered read in one request. */
        private static <V> Map<String, V> read(Collection<String> ids, Map<String, Optional<V>> remembered,
                                               ProjectionStore<V> store) {
            Set<String> missing = new LinkedHashSet<>(ids);
            missing.removeAll(remembered.keySet());
            if (!missing.isEmpty()) {
                Map<String, V> found = store.find(missing);
                missing.forEach(id -> remembered.put(id, Optional.ofNullable(found.get(id))));
            }
            Map<String, V> known = new LinkedHashMap<>();
            ids.forEach(id -> remembered.get(id).ifPresent(view -> known.put(id, view)));
            return known;
        }
    }

    private static KnownOrganisation known(OrganisationDescription organisation) {
        return new KnownOrganisation(organisation.country());
    }

    private static KnownPartnership known(PartnershipDescription partnership) {
        return new KnownPartnership(partnership.visibility(), partnership.responsibleDepartmentId());
    }
}
