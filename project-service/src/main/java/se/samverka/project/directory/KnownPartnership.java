package se.samverka.project.directory;

/**
 * What project-service knows of a partnership of the register, learnt from its events.
 *
 * @param visibility          INTERNAL, COUNTY or PUBLIC; null when learnt before visibilities were kept (then
 *                            treated as INTERNAL)
 * @param ownerOrganisationId the responsible department
 */
public record KnownPartnership(String id, String name, String type, String status, String visibility,
                               String ownerOrganisationId) {

    public boolean hasEnded() {
        return "ENDED".equals(status);
    }

    /** The visibility to decide access by: what is not known to be shared is internal. */
    public String effectiveVisibility() {
        return visibility == null ? "INTERNAL" : visibility;
    }
}
