package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.copyOfOptional;
import static se.samverka.platform.events.Contracts.requireText;

import java.util.List;
import java.util.Objects;

/**
 * What a partnership is, as its events publish it: the part of {@link PartnershipRegistered} and
 * {@link PartnershipUpdated} that both restate. It travels flat, its fields beside the event's own, so the JSON is what
 * it was before it had a name.
 *
 * @param description             the partnership's own words about itself
 * @param type                    e.g. TWIN_CITY, DEVELOPMENT_PARTNERSHIP, REGIONAL_COOPERATION
 * @param visibility              INTERNAL, COUNTY or PUBLIC
 * @param responsibleDepartmentId the department of the directory that answers for it
 * @param themes                  the global questions it serves; absent in registrations published before it was added
 * @param strategies              codes of the municipality's strategies it serves; as absent as {@code themes}
 */
public record PartnershipDescription(
        String name,
        String nameEn,
        String description,
        String type,
        String visibility,
        String responsibleDepartmentId,
        List<String> themes,
        List<String> strategies) {

    public PartnershipDescription {
        requireText(name, "name");
        requireText(type, "type");
        requireText(visibility, "visibility");
        themes = copyOfOptional(themes);
        strategies = copyOfOptional(strategies);
    }

    /** Refuses a description without its lists, as an update must carry it (an empty list is still one). */
    void requireEveryList() {
        Objects.requireNonNull(themes, "themes is required");
        Objects.requireNonNull(strategies, "strategies is required");
    }
}
