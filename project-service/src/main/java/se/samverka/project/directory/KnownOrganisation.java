package se.samverka.project.directory;

import java.util.List;

/**
 * What project-service knows of an organisation of the directory, learnt from its events (never by calling
 * partnership-service).
 *
 * @param type             the directory's organisation type, as text
 * @param region           ISO 3166-2, where known: organisations in the county's region are regional actors
 * @param parentOrganisationId the organisation it belongs to (the municipality, for a department)
 * @param contactPersonIds its contact persons, by id only
 */
public record KnownOrganisation(
        String id,
        String name,
        String type,
        String sector,
        String country,
        String region,
        String parentOrganisationId,
        boolean active,
        List<String> contactPersonIds) {

    public KnownOrganisation {
        contactPersonIds = contactPersonIds == null ? List.of() : List.copyOf(contactPersonIds);
    }

    /** The municipality's own operations: a department or a municipal company. */
    public boolean isMunicipalOperation() {
        return "DEPARTMENT".equals(type) || "MUNICIPAL_COMPANY".equals(type);
    }

    KnownOrganisation withContactPersons(List<String> ids) {
        return new KnownOrganisation(id, name, type, sector, country, region, parentOrganisationId, active, ids);
    }
}
