package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.requireText;

import java.util.List;

/**
 * A partnership's description changed; carries all of it as it is now. Schema:
 * {@code events/schemas/se.samverka.partnership.updated.json}.
 */
public record PartnershipUpdated(
        String partnershipId,
        String name,
        String nameEn,
        String description,
        String type,
        String visibility,
        String responsibleDepartmentId,
        List<String> themes,
        List<String> strategies) {

    public PartnershipUpdated {
        requireText(partnershipId, "partnershipId");
        requireText(name, "name");
        requireText(type, "type");
        requireText(visibility, "visibility");
        themes = copyOf(themes, "themes");
        strategies = copyOf(strategies, "strategies");
    }
}
