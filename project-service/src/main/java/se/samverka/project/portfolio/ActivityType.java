package se.samverka.project.portfolio;

/** The kinds of activity a project holds with people. */
public enum ActivityType {
    STUDY_VISIT,
    DELEGATION,
    CONFERENCE,
    EXCHANGE,
    PROJECT_WORKSHOP,
    MEETING_PLACE
}
