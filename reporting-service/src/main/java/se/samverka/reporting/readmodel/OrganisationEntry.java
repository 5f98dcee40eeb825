package se.samverka.reporting.readmodel;

import org.springframework.data.mongodb.core.mapping.Unwrapped;
import se.samverka.partnership.contracts.OrganisationDescription;

/**
 * An organisation of the directory as the reports know it: its description as its latest event published it,
 * stored flat in its read-model document.
 */
public record OrganisationEntry(@Unwrapped.Nullable OrganisationDescription description) {

    /**
     * What the reports keep of a description: neither its NUTS code nor its website, and whether it takes part as a
     * flag that is always there.
     */
    static OrganisationEntry of(OrganisationDescription d) {
        return new OrganisationEntry(new OrganisationDescription(d.name(), d.nameEn(), d.type(), d.sector(),
                d.country(), d.region(), null, null, d.parentOrganisationId(), d.takesPart()));
    }

    /** The municipality's own operations, each of which answers for an international dimension. */
    public boolean isMunicipalOperation() {
        return "DEPARTMENT".equals(description.type()) || "MUNICIPAL_COMPANY".equals(description.type());
    }
}
