package se.samverka.reference;

/** The global questions international work can serve (see the glossary). */
public enum GlobalTheme {
    CLIMATE,
    POVERTY_REDUCTION,
    HUMAN_RIGHTS,
    DEMOCRACY,
    GENDER_EQUALITY,
    DIVERSITY
}
