package se.samverka.reporting.report;

import java.util.Map;
import se.samverka.reporting.readmodel.ProjectEntry;

/** A project named in a report. */
public record ProjectRef(String projectId, String acronym, String title, String status) {

    public static ProjectRef of(Map.Entry<String, ProjectEntry> project) {
        return new ProjectRef(project.getKey(), project.getValue().description().acronym(),
                project.getValue().description().title(), project.getValue().status());
    }
}
