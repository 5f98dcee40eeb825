package se.samverka.platform.messaging.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another rebuild runs: 409. Spring MVC writes its title and detail in the caller's language from the problem
 * bundles' {@code problemDetail.title.<this class>} and {@code problemDetail.<this class>}.
 */
public class RebuildRunningException extends ErrorResponseException {

    public RebuildRunningException(String running) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A rebuild is running already: " + running + "."), null, null, new Object[] {running});
    }
}
