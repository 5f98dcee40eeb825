package se.samverka.reporting.coverage;

import se.samverka.platform.web.PageResponse;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.ReportFilter;

/**
 * The open projects one department or municipal company owns or takes part in, by title: a page of what coverage
 * counts for it.
 *
 * @param filter   what else the projects are in: year, strategy, country (the organisation stands for the department)
 * @param projects the page, with how many there are in all
 */
public record DepartmentProjects(ReportFilter filter, String organisationId, String name, String type,
                                 PageResponse<ProjectRef> projects, Freshness freshness) {
}
