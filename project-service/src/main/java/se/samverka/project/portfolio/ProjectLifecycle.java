package se.samverka.project.portfolio;

import static se.samverka.project.portfolio.ProjectStatus.APPLICATION_DRAFT;
import static se.samverka.project.portfolio.ProjectStatus.APPROVED;
import static se.samverka.project.portfolio.ProjectStatus.CANCELLED;
import static se.samverka.project.portfolio.ProjectStatus.CLOSED;
import static se.samverka.project.portfolio.ProjectStatus.FINAL_REPORTED;
import static se.samverka.project.portfolio.ProjectStatus.IDEA;
import static se.samverka.project.portfolio.ProjectStatus.ONGOING;
import static se.samverka.project.portfolio.ProjectStatus.PRE_STUDY;
import static se.samverka.project.portfolio.ProjectStatus.REJECTED;
import static se.samverka.project.portfolio.ProjectStatus.SUBMITTED;
import static se.samverka.project.portfolio.ProjectStatus.SUSPENDED;
import static se.samverka.project.portfolio.ProjectStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.Reason;

/**
 * The steps a project may take, and what each needs.
 *
 * <pre>
 * IDEA → PRE_STUDY → APPLICATION_DRAFT → SUBMITTED (needs a funding line) → APPROVED (needs a granted amount)
 *                                                                         | REJECTED | WITHDRAWN
 * APPROVED → ONGOING (needs an actual start date and a partner) ⇄ SUSPENDED
 * ONGOING, SUSPENDED → FINAL_REPORTED (needs the final report) → CLOSED (needs the final report and an actual end)
 * CANCELLED from any open state (everything before the final report)
 * </pre>
 */
final class ProjectLifecycle {

    private static final Map<ProjectStatus, Set<ProjectStatus>> STEPS = steps();

    private ProjectLifecycle() {
    }

    static List<ProjectStatus> allowedFrom(ProjectStatus status) {
        return List.copyOf(STEPS.get(status));
    }

    /** @throws IllegalTransitionException when the step is not allowed from here or its condition is not met (409) */
    static void check(Project project, ProjectStatus to) {
        ProjectStatus from = project.status();
        if (!STEPS.get(from).contains(to)) {
            throw illegal(from, to, Reason.of("transition.project", status(from), status(to)));
        }
        unmetCondition(project, to).ifPresent(why -> {
            throw illegal(from, to, Reason.of(why));
        });
    }

    /** @return the key of the text that says what the step needs first */
    private static Optional<String> unmetCondition(Project project, ProjectStatus to) {
        return switch (to) {
            case SUBMITTED -> project.fundingLines().isEmpty()
                    ? Optional.of("transition.project.funding-line") : Optional.empty();
            case APPROVED -> project.fundingLines().stream().noneMatch(line -> line.granted() != null)
                    ? Optional.of("transition.project.granted") : Optional.empty();
            case ONGOING -> project.description().actualStart() == null
                    ? Optional.of("transition.project.actual-start")
                    : project.partners().isEmpty()
                            ? Optional.of("transition.project.partner") : Optional.empty();
            case FINAL_REPORTED -> project.finalReport() == null
                    ? Optional.of("transition.project.final-report") : Optional.empty();
            case CLOSED -> project.finalReport() == null
                    ? Optional.of("transition.project.closed-after-final-report")
                    : project.description().actualEnd() == null
                            ? Optional.of("transition.project.actual-end") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static IllegalTransitionException illegal(ProjectStatus from, ProjectStatus to, Reason why) {
        return new IllegalTransitionException(from.name(), to.name(),
                allowedFrom(from).stream().map(Enum::name).toList(), why);
    }

    private static MessageSourceResolvable status(ProjectStatus status) {
        return Reason.term("status.project", status.name());
    }

    private static Map<ProjectStatus, Set<ProjectStatus>> steps() {
        Map<ProjectStatus, Set<ProjectStatus>> steps = new EnumMap<>(ProjectStatus.class);
        steps.put(IDEA, EnumSet.of(PRE_STUDY));
        steps.put(PRE_STUDY, EnumSet.of(APPLICATION_DRAFT));
        steps.put(APPLICATION_DRAFT, EnumSet.of(SUBMITTED));
        steps.put(SUBMITTED, EnumSet.of(APPROVED, REJECTED, WITHDRAWN));
        steps.put(APPROVED, EnumSet.of(ONGOING));
        steps.put(ONGOING, EnumSet.of(SUSPENDED, FINAL_REPORTED));
        steps.put(SUSPENDED, EnumSet.of(ONGOING, FINAL_REPORTED));
        steps.put(FINAL_REPORTED, EnumSet.of(CLOSED));
        for (ProjectStatus status : ProjectStatus.values()) {
            steps.putIfAbsent(status, EnumSet.noneOf(ProjectStatus.class));
        }
        ProjectStatus.OPEN.forEach(open -> steps.get(open).add(CANCELLED));
        return steps;
    }
}
