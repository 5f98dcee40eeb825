package se.samverka.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import se.samverka.gateway.downstream.Answer;

/**
 * What a service said of one field of a form it refused.
 *
 * @param field the field the service names, e.g. {@code title} or {@code applied.amount}; null for the whole
 */
public record FieldError(String field, String reason) {

    /**
     * What a problem document says of each field; of a refusal that names none, what it says of the whole, but for
     * a version conflict (412), which the page says in its own words.
     */
    public static List<FieldError> of(Answer refusal) {
        List<FieldError> errors = new ArrayList<>();
        refusal.body().path("errors").forEach(error -> errors.add(new FieldError(error.path("field").asString(),
                error.path("reason").asString())));
        if (errors.isEmpty() && !PageForms.isConflict(refusal)) {
            errors.add(new FieldError(null, refusal.body().path("detail").asString(
                    refusal.body().path("title").asString(null))));
        }
        return errors;
    }

    /**
     * The form control the field is shown at: the first name of its path ({@code applied} of
     * {@code applied.amount}, {@code participants} of {@code participants[0].count}); null for the whole.
     */
    public String control() {
        return field == null ? null : field.split("[.\\[]", 2)[0];
    }
}
