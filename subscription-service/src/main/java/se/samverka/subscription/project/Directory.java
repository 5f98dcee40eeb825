package se.samverka.subscription.project;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;

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

    private final ProjectionStore<KnownOrganisation> organisations;
    private final ProjectionStore<KnownPartnership> partnerships;
    private final Projection<KnownOrganisation> organisationProjection;
    private final Projection<KnownPartnership> partnershipProjection;

    public Directory(ProjectionStores stores) {
        this.organisations = stores.create("organisations", KnownOrganisation.class);
        this.partnerships = stores.create("partnerships", KnownPartnership.class);
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

    /** The countries of these organisations, as far as known. */
    public List<String> countries(Collection<String> organisationIds) {
        return organisationIds.stream().map(organisations::find).flatMap(Optional::stream)
                .map(KnownOrganisation::country).filter(Objects::nonNull).distinct().toList();
    }

    public Optional<KnownPartnership> partnership(String partnershipId) {
        return partnerships.find(partnershipId);
    }

    private static KnownOrganisation known(OrganisationDescription organisation) {
        return new KnownOrganisation(organisation.country());
    }

    private static KnownPartnership known(PartnershipDescription partnership) {
        return new KnownPartnership(partnership.visibility(), partnership.responsibleDepartmentId());
    }
}
