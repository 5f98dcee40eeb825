package se.samverka.reporting.readmodel;

/** An organisation of the directory as the reports know it. */
public record OrganisationEntry(
        String name,
        String nameEn,
        String type,
        String sector,
        String country,
        String region,
        String parentOrganisationId,
        boolean active) {

    /** The municipality's own operations, each of which answers for an international dimension. */
    public boolean isMunicipalOperation() {
        return "DEPARTMENT".equals(type) || "MUNICIPAL_COMPANY".equals(type);
    }
}
