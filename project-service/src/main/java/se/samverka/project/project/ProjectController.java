package se.samverka.project.project;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.VersionedResponses;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final ProjectPortfolio portfolio;

    ProjectController(ProjectPortfolio portfolio) {
        this.portfolio = portfolio;
    }

    @PostMapping
    ResponseEntity<ProjectResource> register(@Valid @RequestBody RegisterProject request) {
        Versioned<Project> project = portfolio.register(request);
        return VersionedResponses.created("/api/projects/" + project.id(), project.version(), ProjectResource.of(project));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProjectResource> find(@PathVariable String id) {
        Versioned<Project> project = portfolio.find(id).orElseThrow(() -> new NotFoundException("Project", id));
        return VersionedResponses.ok(project.version(), ProjectResource.of(project));
    }

    @GetMapping
    List<ProjectResource> all() {
        return portfolio.all().stream().map(ProjectResource::of).toList();
    }
}
