package se.samverka.gateway.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import se.samverka.gateway.downstream.Answer;
import tools.jackson.databind.JsonNode;

/**
 * The forms of a page (a project's, a partnership's, an organisation's) as its template draws them, and the one the
 * service refused if any. A page has many forms with the same fields (a note, a date, a name), so each form's controls
 * carry the form's name in their ids; the refused form shows what the reader sent and, at each control, what the
 * service said of it.
 *
 * @param refused the form the service refused, e.g. {@code indicators} or {@code reports-i-1a2b3c4d}; null if none
 * @param sent    what the refused form sent
 */
public record PageForms(String refused, List<FieldError> errors, boolean conflict, Map<String, String> sent) {

    /**
     * What an id in a form's path may be, for a controller's path pattern: it goes on into a service's path, so
     * nothing that leaves that path or adds a query to it.
     */
    public static final String ID = "[A-Za-z0-9_-]+";
    public static final PageForms NONE = new PageForms(null, List.of(), false, Map.of());
    /** Forms whose fields no other form of the page has: their controls keep plain ids, as they had before. */
    private static final Set<String> PLAIN = Set.of("partners", "funding-lines", "transitions");

    /**
     * The page's forms after the service refused one of them.
     *
     * @param sent what the form sent
     */
    public static PageForms refused(String name, Answer refusal, Map<String, String> sent) {
        return new PageForms(name, FieldError.of(refusal), isConflict(refusal), sent);
    }

    /** Whether a refusal is a version conflict: someone changed the thing since the form was opened. */
    public static boolean isConflict(Answer refusal) {
        return refusal.is(HttpStatus.PRECONDITION_FAILED);
    }

    /** A form that adds something, empty unless it was refused. */
    public Form form(String name) {
        return form(name, Map.of());
    }

    /** A form that changes something: it shows the thing as it is, unless it was refused. */
    public Form form(String name, JsonNode current) {
        return form(name, Forms.values(current));
    }

    /** Where the refused form's controls are: the prefix of their ids. */
    public String refusedPrefix() {
        return prefix(refused);
    }

    /** A form that changes something, showing values of its own making, unless it was refused. */
    public Form form(String name, Map<String, String> current) {
        boolean failed = name.equals(refused);
        return new Form(prefix(name), failed, failed ? errors : List.of(), failed ? sent : current);
    }

    private static String prefix(String name) {
        return name == null || PLAIN.contains(name) ? "" : name + "-";
    }

    /**
     * One form: what its controls show and what the service said of them.
     *
     * @param failed whether the service refused it, so that a form folded away is shown open
     */
    public record Form(String prefix, boolean failed, List<FieldError> errors, Map<String, String> values) {

        public String id(String name) {
            return prefix + name;
        }

        public String value(String name) {
            return values.get(name);
        }

        /** What the service said of the control, e.g. of {@code applied} for {@code applied.amount}. */
        public List<String> reasons(String name) {
            return errors.stream().filter(error -> name.equals(error.control())).map(FieldError::reason).toList();
        }

        public boolean refused(String name) {
            return !reasons(name).isEmpty();
        }

        /** The id of the control's message, for aria-describedby; null when there is none. */
        public String describedBy(String name) {
            return refused(name) ? id(name) + "-error" : null;
        }
    }
}
