package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * How many took part from one sector, of one gender.
 *
 * @param sector PUBLIC, PRIVATE or SOCIAL_ECONOMY
 * @param gender WOMEN, MEN or OTHER (other or not stated)
 */
public record Participation(String sector, String gender, int count) {

    public Participation {
        requireText(sector, "sector");
        requireText(gender, "gender");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }
}
