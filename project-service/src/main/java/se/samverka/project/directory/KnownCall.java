package se.samverka.project.directory;

import java.time.LocalDate;

/**
 * What project-service knows of a funding call of partnership-service's register, learnt from its events: enough for
 * a funding line to name the call it answers.
 *
 * @param programme the funding programme's code
 * @param withdrawn taken out of the register: a funding line may no longer name it
 */
public record KnownCall(String id, String programme, String name, LocalDate deadline, boolean withdrawn) {
}
