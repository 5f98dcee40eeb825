package se.samverka.reporting.broker;

import java.util.List;
import java.util.Map;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.Count;

/**
 * What the international broker achieved (the strategy's S3): the introductions it proposed and what became of them,
 * the interests local actors stated, and the funding calls it published. Sectors are those of the organisations that
 * stated the interests (the introductions' first sides).
 *
 * @param year the year counted; null for all years
 */
public record Broker(Integer year, Introductions introductions, Interests interests, Calls calls,
                     Freshness freshness) {

    /**
     * What became of some introductions: each is counted in the year it was proposed, with all that came of it since.
     *
     * @param pending  those neither side has declined and not both have accepted yet
     * @param outcomes per outcome (MEETING, JOINT_APPLICATION, PROJECT_REGISTERED, NOTHING, and any other recorded),
     *                 how many introductions led to it
     * @param projects how many led to a project registered (an outcome PROJECT_REGISTERED naming the project)
     */
    public record Figures(long proposed, long accepted, long declined, long pending, Map<String, Long> outcomes,
                          long projects) {
    }

    /**
     * @param total        of the year (or all years)
     * @param perYear      how many were proposed each year, every year counted
     * @param sectors      per sector of the interest's organisation, the three sectors always, NONE where unknown
     * @param partnerships per partnership they went through, by name
     */
    public record Introductions(Figures total, List<Count> perYear, List<SectorRow> sectors,
                                List<PartnershipRow> partnerships) {
    }

    /** @param sector PUBLIC, PRIVATE, SOCIAL_ECONOMY, or NONE for organisations of no known sector */
    public record SectorRow(String sector, String name, String nameEn, Figures figures) {
    }

    /** @param name the partnership's name; its id while its registration has not been read */
    public record PartnershipRow(String partnershipId, String name, String nameEn, Figures figures) {
    }

    /**
     * @param stated interests stated in the year
     * @param open   interests that stood at the end of the year (today, for the present year or all years)
     * @param rows   per direction and sector of the stating organisation: both directions and the three sectors
     *               always, others where there are any
     */
    public record Interests(long stated, long open, List<InterestRow> rows) {
    }

    /** @param direction OFFERS or SEEKS */
    public record InterestRow(String direction, String directionName, String directionNameEn, String sector,
                              String sectorName, String sectorNameEn, long stated, long open) {
    }

    /**
     * @param published calls published in the year, withdrawn ones left out (cancelled, or entered by mistake)
     * @param programmes per programme, most first
     */
    public record Calls(long published, List<ProgrammeRow> programmes) {
    }

    public record ProgrammeRow(String programme, String name, String nameEn, long published) {
    }
}
