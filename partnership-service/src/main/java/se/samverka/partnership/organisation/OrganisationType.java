package se.samverka.partnership.organisation;

import java.util.Optional;
import se.samverka.reference.Sector;

/** The kinds of actor in the directory (see the glossary), and the sector each belongs to where its kind decides it. */
public enum OrganisationType {
    DEPARTMENT(Sector.PUBLIC),
    MUNICIPAL_COMPANY(Sector.PUBLIC),
    MUNICIPALITY(Sector.PUBLIC),
    REGION(Sector.PUBLIC),
    COMPANY(Sector.PRIVATE),
    SOCIAL_ECONOMY(Sector.SOCIAL_ECONOMY),
    UNIVERSITY(Sector.PUBLIC),
    NETWORK(null),
    GOVERNMENT_AGENCY(Sector.PUBLIC),
    FOREIGN_CITY(Sector.PUBLIC),
    FOREIGN_REGION(Sector.PUBLIC),
    FOREIGN_ORGANISATION(null);

    private final Sector sector;

    OrganisationType(Sector sector) {
        this.sector = sector;
    }

    /** The sector every organisation of this kind is in; empty where it varies (networks, foreign organisations). */
    public Optional<Sector> sector() {
        return Optional.ofNullable(sector);
    }

    /** The municipality's own operations: a department or a municipal company. */
    public boolean isMunicipalOperation() {
        return this == DEPARTMENT || this == MUNICIPAL_COMPANY;
    }
}
