package se.samverka.project.portfolio;

/** How a project is doing, apart from where it stands in its lifecycle. */
public enum HealthStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK
}
