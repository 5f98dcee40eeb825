package se.samverka.project.project;

/** How participants are counted by gender: women, men, and other or not stated. */
public enum Gender {
    WOMEN,
    MEN,
    OTHER
}
