package se.samverka.gateway.views;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import se.samverka.gateway.Problems;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Service;
import tools.jackson.databind.JsonNode;

/** A view that cannot be given, with the problem document to answer instead. */
public class ViewProblem extends RuntimeException {

    private final HttpStatusCode status;
    private final transient Object body;

    private ViewProblem(HttpStatusCode status, Object body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    static ViewProblem of(HttpStatus status, String type, String title, String detail) {
        return new ViewProblem(status, Problems.problem(status, type, title, detail));
    }

    /** What the required call came back with decides the view's answer. */
    static ViewProblem from(Leg required) {
        Answer answer = required.answer();
        if (answer.is(HttpStatus.NOT_FOUND)) {
            // Hidden and absent look the same, so that a hidden object stays hidden.
            return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing here, or not for you.");
        }
        return answer.refused() ? passedOn(answer.status(), answer.body()) : unavailable(required.name());
    }

    static ViewProblem unavailable(String what) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The " + what + " could not be read right now. Try again in a moment.");
    }

    private static ViewProblem passedOn(HttpStatusCode status, JsonNode body) {
        if (body.isObject() && body.has("title")) {
            return new ViewProblem(status, body);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Refused" : known.getReasonPhrase());
        return new ViewProblem(status, problem);
    }

    public HttpStatusCode status() {
        return status;
    }

    Object body() {
        return body;
    }
}
