package se.samverka.project.contracts;

import java.util.List;

/** Events as tests of other services publish them: only what a test needs set, the rest left out. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A project registration with its identity, owner, status, visibility and partnerships only. */
    public static ProjectRegistered projectRegistered(String projectId, String acronym, String title,
                                                      String ownerOrganisationId, String status, String visibility,
                                                      List<String> partnershipIds) {
        return new ProjectRegistered(projectId, status, new ProjectDescription(acronym, title, null, null, null, null,
                ownerOrganisationId, null, visibility, partnershipIds, null, null, null, null, null, null, null, null,
                null));
    }
}
