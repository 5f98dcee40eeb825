package se.samverka.project.portfolio;

/** How participants are counted by gender: women, men, and other or not stated. */
public enum Gender {
    WOMEN,
    MEN,
    OTHER
}
