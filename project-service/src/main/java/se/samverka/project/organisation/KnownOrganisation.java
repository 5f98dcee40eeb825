package se.samverka.project.organisation;

/**
 * What project-service knows of an organisation of the directory, learnt from its events (never by calling
 * partnership-service).
 *
 * @param type the directory's organisation type, as text
 */
public record KnownOrganisation(String name, String type, String country) {
}
