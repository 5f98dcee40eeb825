package se.samverka.project.portfolio;

import static se.samverka.platform.web.Preconditions.expectedVersion;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.VersionedResponses;
import se.samverka.project.portfolio.ProjectRequests.ActivityDetails;
import se.samverka.project.portfolio.ProjectRequests.FundingLineDetails;
import se.samverka.project.portfolio.ProjectRequests.HealthDetails;
import se.samverka.project.portfolio.ProjectRequests.ImportedProject;
import se.samverka.project.portfolio.ProjectRequests.IndicatorDetails;
import se.samverka.project.portfolio.ProjectRequests.IndicatorReportDetails;
import se.samverka.project.portfolio.ProjectRequests.ProjectImports;
import se.samverka.project.portfolio.ProjectRequests.TransitionDetails;
import se.samverka.reference.Visibility;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private static final String IF_MATCH = HttpHeaders.IF_MATCH;
    /** What a list may be sorted by, and the stored field each sorts on. */
    static final Map<String, String> SORTABLE = Map.of(
            "title", "state.description.title", "acronym", "state.description.acronym", "status", "state.status",
            "plannedStart", "state.description.plannedStart", "score", "state.assessment.score",
            "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final ProjectPortfolio portfolio;
    private final ProjectViews views;

    ProjectController(ProjectPortfolio portfolio, ProjectViews views) {
        this.portfolio = portfolio;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<ProjectResource> register(@Valid @RequestBody ProjectDescription description) {
        Versioned<Project> project = portfolio.register(description);
        return VersionedResponses.created("/api/projects/" + project.id(), project.version(), views.of(project));
    }

    /** Projects from the system the portfolio was kept in before: all accepted and stored, or none. */
    @PostMapping("/imports")
    Map<String, List<ImportedProject>> importProjects(@Valid @RequestBody ProjectImports imports) {
        return Map.of("projects", portfolio.importAll(imports.projects()));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProjectResource> find(@PathVariable String id) {
        return ok(portfolio.get(id));
    }

    @GetMapping
    PageResponse<ProjectResource> list(@RequestParam(required = false) ProjectStatus status,
                                       @RequestParam(required = false) HealthStatus health,
                                       @RequestParam(required = false) String strategy,
                                       @RequestParam(required = false) String growthArea,
                                       @RequestParam(required = false) String country,
                                       @RequestParam(required = false) String owner,
                                       @RequestParam(required = false) String programme,
                                       @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) Visibility visibility,
                                       @RequestParam(required = false) String partnership,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, SORTABLE, Sort.by("state.description.title"));
        Page<Versioned<Project>> found = portfolio.find(new ProjectFilter(status, health, strategy, growthArea, country,
                owner, programme, year, visibility, partnership, q), paging);
        return PageResponse.of(new PageImpl<>(views.of(found.getContent()), found.getPageable(), found.getTotalElements()),
                resource -> resource);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProjectResource> describe(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false)
            String ifMatch, @Valid @RequestBody ProjectDescription description) {
        return ok(portfolio.describe(id, expectedVersion(ifMatch), description));
    }

    @PostMapping("/{id}/partners")
    ResponseEntity<ProjectResource> addPartner(@PathVariable String id, @RequestHeader(value = IF_MATCH, required = false)
            String ifMatch, @Valid @RequestBody Partner partner) {
        return ok(portfolio.addPartner(id, expectedVersion(ifMatch), partner));
    }

    @DeleteMapping("/{id}/partners/{organisationId}")
    ResponseEntity<ProjectResource> removePartner(@PathVariable String id, @PathVariable String organisationId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return ok(portfolio.removePartner(id, expectedVersion(ifMatch), organisationId));
    }

    @PostMapping("/{id}/funding-lines")
    ResponseEntity<ProjectResource> addFundingLine(@PathVariable String id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody FundingLineDetails line) {
        return ok(portfolio.addFundingLine(id, expectedVersion(ifMatch), line));
    }

    @PutMapping("/{id}/funding-lines/{lineId}")
    ResponseEntity<ProjectResource> changeFundingLine(@PathVariable String id, @PathVariable String lineId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody FundingLineDetails line) {
        return ok(portfolio.changeFundingLine(id, expectedVersion(ifMatch), lineId, line));
    }

    @DeleteMapping("/{id}/funding-lines/{lineId}")
    ResponseEntity<ProjectResource> removeFundingLine(@PathVariable String id, @PathVariable String lineId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return ok(portfolio.removeFundingLine(id, expectedVersion(ifMatch), lineId));
    }

    @PostMapping("/{id}/indicators")
    ResponseEntity<ProjectResource> defineIndicator(@PathVariable String id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody IndicatorDetails indicator) {
        return ok(portfolio.defineIndicator(id, expectedVersion(ifMatch), indicator));
    }

    @PutMapping("/{id}/indicators/{indicatorId}")
    ResponseEntity<ProjectResource> changeIndicator(@PathVariable String id, @PathVariable String indicatorId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody IndicatorDetails indicator) {
        return ok(portfolio.changeIndicator(id, expectedVersion(ifMatch), indicatorId, indicator));
    }

    @PostMapping("/{id}/indicators/{indicatorId}/reports")
    ResponseEntity<ProjectResource> reportIndicator(@PathVariable String id, @PathVariable String indicatorId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody IndicatorReportDetails report) {
        return ok(portfolio.reportIndicator(id, expectedVersion(ifMatch), indicatorId, report));
    }

    @PostMapping("/{id}/activities")
    ResponseEntity<ProjectResource> recordActivity(@PathVariable String id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody ActivityDetails activity) {
        return ok(portfolio.recordActivity(id, expectedVersion(ifMatch), activity));
    }

    @PutMapping("/{id}/activities/{activityId}")
    ResponseEntity<ProjectResource> changeActivity(@PathVariable String id, @PathVariable String activityId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ActivityDetails activity) {
        return ok(portfolio.changeActivity(id, expectedVersion(ifMatch), activityId, activity));
    }

    @DeleteMapping("/{id}/activities/{activityId}")
    ResponseEntity<ProjectResource> removeActivity(@PathVariable String id, @PathVariable String activityId,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return ok(portfolio.removeActivity(id, expectedVersion(ifMatch), activityId));
    }

    @PutMapping("/{id}/final-report")
    ResponseEntity<ProjectResource> recordFinalReport(@PathVariable String id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody FinalReport report) {
        return ok(portfolio.recordFinalReport(id, expectedVersion(ifMatch), report));
    }

    @PutMapping("/{id}/health")
    ResponseEntity<ProjectResource> judgeHealth(@PathVariable String id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody HealthDetails health) {
        return ok(portfolio.judgeHealth(id, expectedVersion(ifMatch), health));
    }

    @PostMapping("/{id}/transitions")
    ResponseEntity<ProjectResource> transition(@PathVariable String id, @RequestHeader(value = IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody TransitionDetails transition) {
        return ok(portfolio.transition(id, expectedVersion(ifMatch), transition));
    }

    private ResponseEntity<ProjectResource> ok(Versioned<Project> project) {
        return VersionedResponses.ok(project.version(), views.of(project));
    }
}
