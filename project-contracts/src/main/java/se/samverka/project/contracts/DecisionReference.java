package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The decision a step rests on, as the records have it: who decided, when, under which paragraph and registration
 * number (diarienummer).
 */
public record DecisionReference(String body, LocalDate decidedOn, String paragraph, String registrationNumber) {

    public DecisionReference {
        requireText(body, "body");
        Objects.requireNonNull(decidedOn, "decidedOn is required");
    }
}
