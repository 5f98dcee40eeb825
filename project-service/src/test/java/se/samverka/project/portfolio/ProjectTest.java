package se.samverka.project.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.project.assessment.Assessment;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.project.contracts.DecisionReference;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.ProjectAssessed;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStaffNamesErased;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;
import se.samverka.reference.GlobalTheme;

/** The project gives back, with its new state, the events its commands cause. */
class ProjectTest {

    private static final String ID = "p-1";
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final StaffMember ANNA = new StaffMember("anna@ostersund.se", "anna");
    private static final StaffMember BO = new StaffMember("bo@ostersund.se", "bo");

    private final ProjectDescription description = new ProjectDescription("NB", "Nordic Bridges", null, null, null,
            null, "kff", List.of("cp-1", "cp-2"), null, null, List.of("S1"), null, null, List.of(GlobalTheme.CLIMATE),
            List.of(13), LocalDate.of(2026, 1, 1), null, null, null, "Both gain").normalized();

    @Test
    void registeringAnnouncesOneProjectRegisteredWithItsDescriptionAsPublished() {
        Change<Project> registered = Project.register(ID, description, AT, ANNA);

        assertThat(registered.events()).containsExactly(new ProjectRegistered(ID, "IDEA", description.published()));
        se.samverka.project.contracts.ProjectDescription published =
                ((ProjectRegistered) registered.events().get(0)).description();
        assertThat(published.visibility()).isEqualTo("INTERNAL");
        assertThat(published.themes()).containsExactly("CLIMATE");
        assertThat(published.contactPersonIds()).containsExactly("cp-1", "cp-2");
        assertThat(registered.state().status()).isEqualTo(ProjectStatus.IDEA);
        assertThat(registered.state().statusSince()).isEqualTo(AT);
        assertThat(registered.state().history())
                .containsExactly(new StatusChange(null, ProjectStatus.IDEA, AT, "anna", "anna@ostersund.se",
                        "Registered", null));
    }

    @Test
    void describingAnnouncesTheWholeDescriptionEvenWhenNothingInItDiffers() {
        Project project = registered();

        Change<Project> described = project.describe(ID, description);

        assertThat(described.events()).containsExactly(new ProjectUpdated(ID, description.published()));
        assertThat(described.state()).isEqualTo(project);
    }

    @Test
    void droppingAContactPersonAnnouncesTheDescriptionWithoutThem() {
        Change<Project> dropped = registered().dropContactPerson(ID, "cp-1");

        assertThat(dropped.state().description().contactPersonIds()).containsExactly("cp-2");
        assertThat(dropped.events()).singleElement().isInstanceOfSatisfying(ProjectUpdated.class,
                updated -> assertThat(updated.description().contactPersonIds()).containsExactly("cp-2"));
    }

    @Test
    void aStepInTheLifecycleAnnouncesProjectStatusChangedWithItsDecision() {
        DecisionReference decision = new DecisionReference("Kommunstyrelsen", LocalDate.of(2026, 2, 20), "§ 12", null);

        Change<Project> moved = registered().transition(ID, ProjectStatus.PRE_STUDY, AT.plusSeconds(60), BO,
                "Worth a look", decision);

        assertThat(moved.events()).containsExactly(new ProjectStatusChanged(ID, "IDEA", "PRE_STUDY", decision));
        assertThat(moved.state().status()).isEqualTo(ProjectStatus.PRE_STUDY);
        assertThat(moved.state().history()).last().isEqualTo(new StatusChange(ProjectStatus.IDEA,
                ProjectStatus.PRE_STUDY, AT.plusSeconds(60), "bo", "bo@ostersund.se", "Worth a look", decision));
    }

    @Test
    void aPersonsStepsJudgementAndReportsAreExportedAndErasedWhileOthersStay() {
        Project project = registered().transition(ID, ProjectStatus.PRE_STUDY, AT, BO, "Go", null).state()
                .judgeHealth(ID, new Health(HealthStatus.AT_RISK, "Sen", LocalDate.of(2026, 3, 2), "anna",
                        "anna@ostersund.se")).state()
                .defineIndicator(ID, new Indicator("i1", "OUTPUT", "Besök", "st", null, BigDecimal.TEN)).state()
                .reportIndicator(ID, new IndicatorReport("i1", LocalDate.of(2026, 3, 3), new BigDecimal("2"), null,
                        "anna", null)).state();

        assertThat(project.entriesNaming(ID, ANNA)).extracting(StaffEntry::entry, StaffEntry::what).containsExactly(
                tuple("history[0].by", "Registered the project (IDEA)"),
                tuple("health.assessedBy", "Judged the project's health AT_RISK"),
                tuple("indicatorReports[0].reportedBy", "Reported 2 for indicator i1"));
        Change<Project> erased = project.withStaffErased(ID, ANNA, "STAFF, kff").orElseThrow();

        assertThat(erased.events()).containsExactly(new ProjectStaffNamesErased(ID));
        assertThat(erased.state().history()).extracting(StatusChange::by).containsExactly("STAFF, kff", "bo");
        assertThat(erased.state().health()).isEqualTo(new Health(HealthStatus.AT_RISK, "Sen", LocalDate.of(2026, 3, 2),
                "STAFF, kff", "STAFF, kff"));
        assertThat(erased.state().indicatorReports().get(0).reportedBy()).isEqualTo("STAFF, kff");
        assertThat(erased.state().withStaffErased(ID, ANNA, "STAFF, kff")).isEmpty();
        assertThat(erased.state().entriesNaming(ID, BO)).extracting(StaffEntry::entry).containsExactly("history[1].by");
    }

    @Test
    void aStepTheLifecycleDoesNotAllowIsRefused() {
        assertThatThrownBy(() -> registered().transition(ID, ProjectStatus.ONGOING, AT, BO, "Go", null))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void partnersComeAndGoWithTheirEventsAndAnUnknownOneIsNotFound() {
        Change<Project> added = registered().addPartner(ID, new Partner("trd", PartnerRole.PARTNER));
        assertThat(added.events()).containsExactly(new ProjectPartnerAdded(ID, "trd", "PARTNER"));

        Change<Project> removed = added.state().removePartner(ID, "trd");
        assertThat(removed.events()).containsExactly(new ProjectPartnerRemoved(ID, "trd"));
        assertThat(removed.state().partners()).isEmpty();

        assertThatThrownBy(() -> removed.state().removePartner(ID, "trd")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAssessmentIsAnnouncedWithoutItsExplanationsAndOnlyWhenItChanges() {
        Assessment assessment = new Assessment(20, 100, List.of(
                new Assessment.Criterion("MUTUAL_INTEREST", 20, 20, true, "Beskrivet.", "Stated.")));

        Change<Project> assessed = registered().assess(ID, assessment);
        Change<Project> again = assessed.state().assess(ID, assessment);

        assertThat(assessed.events()).containsExactly(new ProjectAssessed(ID, 20, 100,
                List.of(new AssessedCriterion("MUTUAL_INTEREST", 20, 20, true))));
        assertThat(assessed.state().assessment()).isEqualTo(assessment);
        assertThat(again.events()).isEmpty();
        assertThat(again.state()).isEqualTo(assessed.state());
    }

    @Test
    void aChangeFollowedByAnotherKeepsTheEventsOfBothInOrder() {
        Assessment assessment = new Assessment(0, 100, List.of());

        Change<Project> change = Project.register(ID, description, AT, ANNA)
                .then(project -> project.assess(ID, assessment));

        assertThat(change.events()).extracting(Object::getClass)
                .containsExactly(ProjectRegistered.class, ProjectAssessed.class);
        assertThat(change.state().assessment()).isEqualTo(assessment);
    }

    private Project registered() {
        return Project.register(ID, description, AT, ANNA).state();
    }
}
