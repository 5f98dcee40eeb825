package se.samverka.partnership.broker.matching;

import se.samverka.partnership.broker.interest.Interest;
import se.samverka.reference.Sector;

/**
 * The interest matches are sought for, with the sector of its organisation.
 *
 * @param sector null where the directory does not know its organisation
 */
public record Seeker(String interestId, Interest interest, Sector sector) {
}
