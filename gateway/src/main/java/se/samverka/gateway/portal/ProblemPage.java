package se.samverka.gateway.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.views.ViewProblem;

/**
 * A page that cannot be shown, said in words with the status a browser and a screen reader understand: not found
 * (also what may not be seen, so hidden objects stay hidden), not for this role, or not available right now.
 */
public final class ProblemPage {

    private ProblemPage() {
    }

    /**
     * Whether a service's refusal of a form is a page of its own (not signed in, not allowed, not found) rather than
     * the form shown again with what was refused at its fields.
     */
    public static boolean isOwnPage(HttpStatusCode status) {
        return status.value() == 401 || status.value() == 403 || status.value() == 404;
    }

    /** A view that cannot be given ({@link ViewProblem}), or a service that gave no answer. */
    public static Mono<Rendering> of(Throwable failure) {
        return of(failure instanceof ViewProblem problem ? problem.status() : HttpStatus.SERVICE_UNAVAILABLE);
    }

    public static Mono<Rendering> of(HttpStatusCode status) {
        String kind = switch (status.value()) {
            case 404 -> "notFound";
            case 401, 403 -> "notAllowed";
            default -> "unavailable";
        };
        return Mono.just(Rendering.view("problem").modelAttribute("kind", kind).status(status).build());
    }
}
