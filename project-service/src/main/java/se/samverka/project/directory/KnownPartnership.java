package se.samverka.project.directory;

/** What project-service knows of a partnership of the register, learnt from its events. */
public record KnownPartnership(String id, String name, String type, String status) {

    public boolean hasEnded() {
        return "ENDED".equals(status);
    }
}
