package se.samverka.project.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.platform.events.Money;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.project.contracts.FundingLine;

class ProjectLifecycleTest {

    @Test
    void theStepsFollowTheLifecycleAndCancellingIsOpenUntilTheFinalReport() {
        assertThat(ProjectLifecycle.allowedFrom(ProjectStatus.IDEA))
                .containsExactly(ProjectStatus.PRE_STUDY, ProjectStatus.CANCELLED);
        assertThat(ProjectLifecycle.allowedFrom(ProjectStatus.SUBMITTED)).containsExactly(ProjectStatus.APPROVED,
                ProjectStatus.REJECTED, ProjectStatus.WITHDRAWN, ProjectStatus.CANCELLED);
        assertThat(ProjectLifecycle.allowedFrom(ProjectStatus.SUSPENDED))
                .containsExactly(ProjectStatus.ONGOING, ProjectStatus.FINAL_REPORTED, ProjectStatus.CANCELLED);
        assertThat(ProjectLifecycle.allowedFrom(ProjectStatus.FINAL_REPORTED)).containsExactly(ProjectStatus.CLOSED);
        for (ProjectStatus terminal : List.of(ProjectStatus.REJECTED, ProjectStatus.WITHDRAWN, ProjectStatus.CLOSED,
                ProjectStatus.CANCELLED)) {
            assertThat(ProjectLifecycle.allowedFrom(terminal)).as(terminal.name()).isEmpty();
        }
    }

    @Test
    void guardsAreReal() {
        Project approved = project(ProjectStatus.APPROVED, null, List.of());

        assertThatThrownBy(() -> ProjectLifecycle.check(approved, ProjectStatus.ONGOING))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("transition.project.actual-start");
        Project started = project(ProjectStatus.APPROVED, LocalDate.of(2027, 1, 1), List.of());
        assertThatThrownBy(() -> ProjectLifecycle.check(started, ProjectStatus.ONGOING))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("transition.project.partner");
        ProjectLifecycle.check(started.addPartner("p-1", new Partner("trd", PartnerRole.PARTNER)).state(),
                ProjectStatus.ONGOING);

        Project submitted = project(ProjectStatus.SUBMITTED, null, List.of());
        assertThatThrownBy(() -> ProjectLifecycle.check(submitted, ProjectStatus.APPROVED))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("transition.project.granted");
        FundingLine granted = new FundingLine("f-1", "OWN_BUDGET", null, null, sek("100"), sek("100"), null, null, null, false);
        ProjectLifecycle.check(submitted.addFundingLine("p-1", granted).state(), ProjectStatus.APPROVED);
    }

    @Test
    void aProjectIsClosedOnlyAfterItsFinalReport() {
        Project reported = project(ProjectStatus.FINAL_REPORTED, LocalDate.of(2027, 1, 1), List.of());

        assertThatThrownBy(() -> ProjectLifecycle.check(reported, ProjectStatus.CLOSED))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("final-report");
        assertThatThrownBy(() -> ProjectLifecycle.check(project(ProjectStatus.ONGOING, null, List.of()),
                ProjectStatus.FINAL_REPORTED)).isInstanceOf(IllegalTransitionException.class);
    }

    private static Money sek(String amount) {
        return new Money(new BigDecimal(amount), "SEK");
    }

    private static Project project(ProjectStatus status, LocalDate actualStart, List<Partner> partners) {
        ProjectDescription description = new ProjectDescription(null, "Projekt", null, null, null, null, "kff", null,
                null, null, null, null, null, null, null, null, null, actualStart, null, null).normalized();
        return new Project(description, status, Instant.now(), List.of(), null, partners, List.of(), List.of(),
                List.of(), List.of(), null, null, null, null);
    }
}
