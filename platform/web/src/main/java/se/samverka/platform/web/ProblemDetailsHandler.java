package se.samverka.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
 * {@code errors}: the fields at fault, as JSON paths, each with its reason. Titles, details and reasons are written in
 * the language the request asks for with Accept-Language: Swedish or English, English when it asks for neither.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);
    /** About as long as the embedded runtime takes to bring a crashed Mongo-wire server back. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final MessageSource messages;

    public ProblemDetailsHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** A field at fault and why, in words, as the problem document's {@code errors} list them. */
    public record FieldReason(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Bean validation has put its messages into the request's language already (LocaleContextMessageInterpolator).
        return invalid(exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldReason(error.getField(), error.getDefaultMessage() == null
                        ? text("reason.invalid") : error.getDefaultMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldReason(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = exception.getMostSpecificCause();
        if (cause instanceof StreamReadException parse) {
            return response(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "malformed-request",
                    text("problem.detail.not-json", parse.getOriginalMessage())));
        }
        JacksonException jackson = findJacksonException(exception);
        if (jackson != null) {
            return invalid(List.of(new FieldReason(path(jackson), reason(jackson).in(messages, locale()))));
        }
        return response(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "malformed-request",
                text("problem.detail.no-body")));
    }

    /** A query or path parameter that is no value of its type (status=NOPE, size=10^12): 422 naming it, like a field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String parameter = exception.getPropertyName() == null ? "(parameter)" : exception.getPropertyName();
        Class<?> type = exception.getRequiredType();
        Reason reason = type == null ? Reason.of("reason.invalid") : valueReason(type, exception.getValue());
        return invalid(List.of(new FieldReason(parameter, reason.in(messages, locale()))));
    }

    /** Tomcat reads the parameters only when asked for one, and then finds that one of them is no UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter() {
        return response(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "malformed-request",
                text("problem.detail.parameter-encoding")));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException exception) {
        return invalid(exception.problems().stream()
                .map(problem -> new FieldReason(problem.field(), problem.reason().in(messages, locale())))
                .toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException exception) {
        return response(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "not-found",
                exception.reason().in(messages, locale())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception) {
        String detail = exception.reason().in(messages, locale());
        if (!exception.signedIn()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "unauthenticated", detail));
        }
        return response(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "forbidden", detail));
    }

    @ExceptionHandler(Preconditions.PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired() {
        return response(problem(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED,
                "precondition-required", text("problem.detail.precondition-required")));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, Preconditions.VersionMismatchException.class})
    ResponseEntity<Object> versionConflict() {
        return response(problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.VERSION_CONFLICT, "version-conflict",
                text("problem.detail.version-conflict")));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTransitionException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "illegal-transition",
                exception.reason().in(messages, locale()));
        problem.setProperty("from", exception.from());
        problem.setProperty("to", exception.to());
        problem.setProperty("allowedTransitions", exception.allowed());
        return response(problem);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException exception) {
        return response(problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "conflict", text("problem.detail.conflict")));
    }

    /**
     * The service's store (Spring Data's translation of the MongoDB driver's timeouts and socket errors), or another
     * dependency the request needs, is unreachable: 503 with Retry-After, within about a second, because the MongoDB
     * client gives up that soon (platform-messaging). The caller may try again; the service recovers by itself.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, DependencyUnavailableException.class})
    ResponseEntity<Object> dependencyUnavailable(RuntimeException exception, HttpServletRequest request) {
        // A service's data access is its MongoDB: Spring Data's is the only one in the services.
        String dependency = exception instanceof DependencyUnavailableException unavailable ? unavailable.dependency()
                : "MongoDB";
        log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), exception.toString());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "service-unavailable", text("problem.detail.dependency-unavailable", dependency));
        problem.setProperty("dependency", dependency);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds())).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), exception);
        return response(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "internal-error",
                text("problem.detail.internal-error")));
    }

    private ResponseEntity<Object> invalid(List<FieldReason> reasons) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_REQUEST,
                "invalid-request", reasons.stream().map(r -> r.field() + ": " + r.reason())
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", reasons);
        return response(problem);
    }

    /** @param title the problem type's name, whose title the bundles hold as {@code problem.title.<title>} */
    private ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(text("problem.title." + title));
        return problem;
    }

    private String text(String key, Object... arguments) {
        return Reason.of(key, arguments).in(messages, locale());
    }

    /** The request's language, as the DispatcherServlet's LocaleResolver found it in Accept-Language. */
    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
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

    static Reason reason(JacksonException exception) {
        if (exception instanceof RefusedTextException refused) {
            return refused.reason();
        }
        if (exception instanceof UnrecognizedPropertyException) {
            return Reason.of("reason.unknown-field");
        }
        if (exception instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target == null) {
                return Reason.of("reason.invalid");
            }
            return valueReason(target, format.getValue());
        }
        if (exception instanceof InvalidNullException) {
            return Reason.of("reason.null");
        }
        if (exception instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return Reason.of("reason.refused", instantiation.getCause().getMessage());
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Reason.of(expected(mismatch.getTargetType()));
        }
        return Reason.of("reason.refused", exception.getOriginalMessage());
    }

    /** Why a value is none of its type: the choices, for an enumeration. */
    private static Reason valueReason(Class<?> type, Object value) {
        if (type.isEnum()) {
            return Reason.of("reason.one-of", Arrays.toString(type.getEnumConstants()), value);
        }
        return Reason.of("reason.invalid-value", value, type.getSimpleName());
    }

    /** The reason that names the kind of value a field takes. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "reason.text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "reason.number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "reason.boolean";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "reason.list";
        }
        return "reason.object";
    }
}
