package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.copyOfOptional;
import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a project is, as its events publish it: the part of {@link ProjectRegistered} and {@link ProjectUpdated} that
 * both restate. It travels flat, its fields beside the event's own, so the JSON is what it was before it had a name.
 * Lists are absent in registrations published before they were added; an update carries every one.
 *
 * @param registrationNumber  the municipality's diarienummer
 * @param ownerOrganisationId the organisation that owns the project
 * @param contactPersonIds    contact persons of the directory, by id only: no personal data in events
 * @param visibility          INTERNAL, COUNTY or PUBLIC
 * @param partnershipIds      every partnership it belongs to
 * @param strategies          codes of the municipality's strategies it serves, e.g. S1
 * @param actions             codes of the strategy's actions (åtgärder) it carries out, e.g. S3.1
 * @param growthAreas         codes of the growth programme's areas
 * @param themes              the global questions it serves
 * @param sdgs                the UN Sustainable Development Goals it serves, 1 to 17
 */
public record ProjectDescription(
        String acronym,
        String title,
        String titleEn,
        String summary,
        String summaryEn,
        String registrationNumber,
        String ownerOrganisationId,
        List<String> contactPersonIds,
        String visibility,
        List<String> partnershipIds,
        List<String> strategies,
        List<String> actions,
        List<String> growthAreas,
        List<String> themes,
        List<Integer> sdgs,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd) {

    public ProjectDescription {
        requireText(title, "title");
        requireText(ownerOrganisationId, "ownerOrganisationId");
        requireText(visibility, "visibility");
        contactPersonIds = copyOfOptional(contactPersonIds);
        partnershipIds = copyOfOptional(partnershipIds);
        strategies = copyOfOptional(strategies);
        actions = copyOfOptional(actions);
        growthAreas = copyOfOptional(growthAreas);
        themes = copyOfOptional(themes);
        sdgs = copyOfOptional(sdgs);
    }

    /** Refuses a description without all its lists, as an update must carry it (an empty list is still one). */
    void requireEveryList() {
        Objects.requireNonNull(contactPersonIds, "contactPersonIds is required");
        Objects.requireNonNull(partnershipIds, "partnershipIds is required");
        Objects.requireNonNull(strategies, "strategies is required");
        Objects.requireNonNull(actions, "actions is required");
        Objects.requireNonNull(growthAreas, "growthAreas is required");
        Objects.requireNonNull(themes, "themes is required");
        Objects.requireNonNull(sdgs, "sdgs is required");
    }
}
