package se.samverka.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Answers every failure with an RFC 9457 problem document ({@code application/problem+json}). Bad input never
 * gets a 500: a body that is not JSON is 400, well-formed JSON with wrong content is 422, and both carry
 * {@code errors}: the fields at fault, as JSON paths, each with its reason.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), reason(error)))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = exception.getMostSpecificCause();
        if (cause instanceof StreamReadException parse) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The body is not valid JSON: " + parse.getOriginalMessage());
            return response(problem);
        }
        JacksonException jackson = findJacksonException(exception);
        if (jackson != null) {
            return invalid(List.of(new FieldProblem(path(jackson), reason(jackson))));
        }
        return response(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The request needs a JSON body."));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException exception) {
        return invalid(exception.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException exception) {
        return response(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", exception.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception) {
        if (!exception.signedIn()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Sign in",
                            exception.getMessage()));
        }
        return response(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not allowed", exception.getMessage()));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, Preconditions.VersionMismatchException.class})
    ResponseEntity<Object> versionConflict() {
        return response(problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.VERSION_CONFLICT, "Changed by someone else",
                "The resource changed since you read it. Read it again, then repeat your change with its new ETag."));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTransitionException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "Not allowed now",
                exception.getMessage());
        problem.setProperty("from", exception.from());
        problem.setProperty("to", exception.to());
        problem.setProperty("allowedTransitions", exception.allowed());
        return response(problem);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException exception) {
        return response(problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Already exists",
                "A resource with the same identity exists already."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), exception);
        return response(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "Something went wrong on our side. Nothing was changed by this request unless it said so."));
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_REQUEST, "Invalid request",
                problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", problems);
        return response(problem);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static JacksonException findJacksonException(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** The JSON path Jackson was at, e.g. {@code parties[1].organisationId}. */
    static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (exception instanceof UnrecognizedPropertyException unknown && !path.toString().endsWith(unknown.getPropertyName())) {
            path.append(path.isEmpty() ? "" : ".").append(unknown.getPropertyName());
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    static String reason(JacksonException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a field of this resource";
        }
        if (exception instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants()) + ", was '" + format.getValue() + "'";
            }
            return "'" + format.getValue() + "' is not a valid " + (target == null ? "value" : target.getSimpleName());
        }
        if (exception instanceof InvalidNullException) {
            return "must not be null";
        }
        if (exception instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return exception.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
