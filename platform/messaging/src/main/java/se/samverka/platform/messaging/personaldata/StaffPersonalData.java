package se.samverka.platform.messaging.personaldata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverka.platform.security.Callers;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;

/**
 * The personal data of the people who used Samverka, as a service's histories hold it: who took a step, recorded a
 * decision, judged a project's health, and so on. Exported and erased at the coordinator's hand, as contact persons
 * are; erasure names the person by their role and organisation instead, so that the history still says what kind of
 * person acted (ADR 0036).
 */
public class StaffPersonalData {

    private static final Logger log = LoggerFactory.getLogger(StaffPersonalData.class);
    /** Usernames are e-mail addresses, or a word such as admin. */
    private static final int SUBJECT_LENGTH = 254;
    private static final int NAME_LENGTH = 200;

    private final StaffPersonalDataSettings settings;
    private final List<StaffHistory<?>> histories;
    private final Callers callers;
    private final Clock clock;

    public StaffPersonalData(StaffPersonalDataSettings settings, List<StaffHistory<?>> histories, Callers callers,
                             Clock clock) {
        this.settings = settings;
        this.histories = List.copyOf(histories);
        this.callers = callers;
        this.clock = clock;
    }

    /**
     * @throws se.samverka.platform.web.AccessDeniedException 401 or 403 unless the caller is the coordinator
     * @throws InvalidRequestException                        422 naming a parameter missing or too long
     */
    public StaffExport export(String subject, String name) {
        callers.require(caller -> caller.is(Role.ADMIN), "access.copy");
        List<FieldProblem> problems = personProblems(subject, name);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        StaffMember person = new StaffMember(subject.strip(), name.strip());
        return new StaffExport(clock.instant(), "the municipality's international coordination", person.subject(),
                person.name(), settings.heldIn(), settings.purpose(),
                histories.stream().flatMap(history -> history.entriesNaming(person).stream()).toList());
    }

    /**
     * Names the person by the replacement in every entry that names them, aggregate by aggregate, each in a write of
     * its own; a request repeated (after a failure part of the way, say) changes only what is left.
     *
     * @throws se.samverka.platform.web.AccessDeniedException 401 or 403 unless the caller is the coordinator
     * @throws InvalidRequestException                        422 naming a field missing or too long, or a
     *                                                        replacement that is the person's name or subject
     */
    public StaffErased erase(StaffErasure erasure) {
        callers.require(caller -> caller.is(Role.ADMIN), "access.erasure");
        List<FieldProblem> problems = personProblems(erasure.subject(), erasure.name());
        String replacement = erasure.replacement();
        if (given("replacement", replacement, NAME_LENGTH, problems) && problems.isEmpty()
                && Set.of(erasure.subject().strip(), erasure.name().strip()).contains(replacement.strip())) {
            problems.add(new FieldProblem("replacement", "reason.staff.replacement.same"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        StaffMember person = new StaffMember(erasure.subject().strip(), erasure.name().strip());
        Map<String, Integer> changed = new TreeMap<>();
        histories.forEach(history -> changed.merge(history.aggregate(), history.erase(person, replacement.strip()),
                Integer::sum));
        // Logs name people only by id (ADR 0005), and a person erased here has none.
        log.info("Erased a person from the histories: {}", changed);
        return new StaffErased(changed);
    }

    private static List<FieldProblem> personProblems(String subject, String name) {
        List<FieldProblem> problems = new ArrayList<>();
        given("subject", subject, SUBJECT_LENGTH, problems);
        given("name", name, NAME_LENGTH, problems);
        return problems;
    }

    /** Whether the text is given and not too long; if not, adds why to {@code problems}. */
    private static boolean given(String field, String text, int longest, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "reason.staff." + field));
            return false;
        }
        if (text.strip().length() > longest) {
            problems.add(new FieldProblem(field, "reason.staff.length", longest));
            return false;
        }
        return true;
    }
}
