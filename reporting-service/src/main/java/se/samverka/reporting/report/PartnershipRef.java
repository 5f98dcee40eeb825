package se.samverka.reporting.report;

import java.util.Map;
import se.samverka.reporting.readmodel.PartnershipEntry;

/** A partnership named in a report. */
public record PartnershipRef(String partnershipId, String name, String type, String status) {

    public static PartnershipRef of(Map.Entry<String, PartnershipEntry> partnership) {
        return new PartnershipRef(partnership.getKey(), partnership.getValue().name(), partnership.getValue().type(),
                partnership.getValue().status());
    }
}
