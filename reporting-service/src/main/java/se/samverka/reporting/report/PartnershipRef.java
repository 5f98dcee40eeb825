package se.samverka.reporting.report;

import java.util.Map;
import se.samverka.reporting.readmodel.PartnershipEntry;

/** A partnership named in a report. */
public record PartnershipRef(String partnershipId, String name, String type, String status) {

    public static PartnershipRef of(Map.Entry<String, PartnershipEntry> partnership) {
        PartnershipEntry entry = partnership.getValue();
        return new PartnershipRef(partnership.getKey(), entry.description().name(), entry.description().type(),
                entry.status());
    }
}
