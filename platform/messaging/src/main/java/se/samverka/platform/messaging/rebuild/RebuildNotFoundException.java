package se.samverka.platform.messaging.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No rebuild has this id: 404. Its title and detail come from the problem bundles' {@code problemDetail.title.<this
 * class>} and {@code problemDetail.<this class>}, in the caller's language.
 */
public class RebuildNotFoundException extends ErrorResponseException {

    public RebuildNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Rebuild " + id + " does not exist."), null, null, new Object[] {id});
    }
}
