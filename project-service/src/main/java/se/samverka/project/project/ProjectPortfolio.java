package se.samverka.project.project;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.platform.events.Visibility;
import se.samverka.platform.events.project.ProjectRegistered;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.project.organisation.KnownOrganisation;
import se.samverka.project.organisation.KnownOrganisations;

/** The project portfolio: registers projects of the municipality's departments, companies and local companies. */
@Service
public class ProjectPortfolio {

    /** Who may own a project (the glossary): the municipality's own operations, and local companies. */
    private static final Set<String> OWNER_TYPES = Set.of("DEPARTMENT", "MUNICIPAL_COMPANY", "COMPANY");

    private final AggregateStore<Project> projects;
    private final KnownOrganisations organisations;

    public ProjectPortfolio(AggregateStores stores, KnownOrganisations organisations) {
        this.projects = stores.create("projects", Project.class);
        this.organisations = organisations;
    }

    public Versioned<Project> register(RegisterProject request) {
        KnownOrganisation owner = organisations.find(request.ownerOrganisationId())
                .orElseThrow(() -> new InvalidRequestException("ownerOrganisationId",
                        "no organisation has the id '" + request.ownerOrganisationId() + "'"));
        if (!OWNER_TYPES.contains(owner.type())) {
            throw new InvalidRequestException("ownerOrganisationId", "'" + owner.name() + "' is a " + owner.type()
                    + "; a project is owned by a department, a municipal company or a company");
        }
        String id = UUID.randomUUID().toString();
        Visibility visibility = request.visibility() == null ? Visibility.INTERNAL : request.visibility();
        String acronym = request.acronym() == null || request.acronym().isBlank() ? null : request.acronym().strip();
        Project project = new Project(acronym, request.title().strip(), request.ownerOrganisationId(),
                ProjectStatus.IDEA, visibility);
        return projects.create(id, project, new ProjectRegistered(id, project.acronym(), project.title(),
                project.ownerOrganisationId(), project.status().name(), visibility.name(), List.of()));
    }

    public Optional<Versioned<Project>> find(String id) {
        return projects.find(id);
    }

    public List<Versioned<Project>> all() {
        return projects.find(new Query().with(Sort.by("state.title")));
    }
}
