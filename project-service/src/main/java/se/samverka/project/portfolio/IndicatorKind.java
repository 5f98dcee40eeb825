package se.samverka.project.portfolio;

/** What an indicator measures: what the project delivers, or the change it brings. */
public enum IndicatorKind {
    OUTPUT,
    RESULT
}
