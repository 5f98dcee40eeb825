package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something the project did with people: a study visit, a delegation, a conference, an exchange, a project workshop
 * (projektverkstad) or a meeting place; who took part is counted, never named.
 *
 * @param type    STUDY_VISIT, DELEGATION, CONFERENCE, EXCHANGE, PROJECT_WORKSHOP or MEETING_PLACE
 * @param country ISO 3166-1 alpha-2 of the place
 */
public record Activity(
        String activityId,
        String type,
        String title,
        LocalDate heldOn,
        String place,
        String country,
        List<Participation> participants) {

    public Activity {
        requireText(activityId, "activityId");
        requireText(type, "type");
        requireText(title, "title");
        Objects.requireNonNull(heldOn, "heldOn is required");
        participants = copyOf(participants, "participants");
    }
}
