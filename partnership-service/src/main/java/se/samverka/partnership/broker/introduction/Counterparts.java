package se.samverka.partnership.broker.introduction;

import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.partnership.broker.interest.Interests;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.partnership.register.PartnershipRegister;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;

/** What an introduction's counterpart is, whatever its kind, and who answers for it. */
@Component
class Counterparts {

    /**
     * @param organisationId the organisation that answers for it: an interest's organisation, a partnership's
     *                       responsible department (null when it has none), the organisation itself, a project's owner
     * @param state          its status, or ACTIVE/INACTIVE for an organisation
     */
    record Counterpart(String name, String nameEn, String organisationId, boolean open, String state,
                       String visibility, String ownerOrganisationId) {

        boolean readableBy(Caller caller) {
            return caller.mayRead(visibility, ownerOrganisationId);
        }
    }

    private final Interests interests;
    private final PartnershipRegister partnerships;
    private final OrganisationDirectory directory;
    private final ProjectLinks projects;

    Counterparts(Interests interests, PartnershipRegister partnerships, OrganisationDirectory directory,
                 ProjectLinks projects) {
        this.interests = interests;
        this.partnerships = partnerships;
        this.directory = directory;
        this.projects = projects;
    }

    /** The counterpart, whoever may read it; a project only once its events have described it. */
    Optional<Counterpart> find(CounterpartKind kind, String id) {
        return switch (kind) {
            case INTEREST -> interests.find(id).map(Versioned::state).map(i -> new Counterpart(i.title(), null,
                    i.organisationId(), i.isOpen(), i.status().name(), i.visibility().name(), i.organisationId()));
            case PARTNERSHIP -> partnerships.find(id).map(Versioned::state).map(p -> new Counterpart(p.name(),
                    p.nameEn(), p.responsibleDepartmentId(), p.status() != PartnershipStatus.ENDED, p.status().name(),
                    p.visibility().name(), p.responsibleDepartmentId()));
            case ORGANISATION -> directory.find(id).map(Versioned::state).map(o -> new Counterpart(o.name(),
                    o.nameEn(), id, o.active(), o.active() ? "ACTIVE" : "INACTIVE", "PUBLIC", id));
            case PROJECT -> projects.project(id).filter(p -> p.status() != null).map(p -> new Counterpart(p.title(),
                    null, p.ownerOrganisationId(), p.isOpen(), p.status(), p.visibility(), p.ownerOrganisationId()));
        };
    }
}
