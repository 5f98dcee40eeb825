package se.samverka.gateway.views;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = ViewsController.class)
class ViewProblemHandler {

    @ExceptionHandler(ViewProblem.class)
    ResponseEntity<Object> problem(ViewProblem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status().value() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.body(problem.body());
    }
}
