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
final class ProblemPage {

    private ProblemPage() {
    }

    /**
     * Whether a service's refusal of a form is a page of its own (not signed in, not allowed, not found) rather than
     * the form shown again with what was refused at its fields.
     */
    static boolean isOwnPage(int status) {
        return status == 401 || status == 403 || status == 404;
    }

    static Mono<Rendering> of(Throwable failure) {
        return of(failure instanceof ViewProblem problem ? problem.status() : HttpStatus.SERVICE_UNAVAILABLE);
    }

    static Mono<Rendering> of(int status) {
        return of(HttpStatusCode.valueOf(status));
    }

    private static Mono<Rendering> of(HttpStatusCode status) {
        String kind = switch (status.value()) {
            case 404 -> "notFound";
            case 401, 403 -> "notAllowed";
            default -> "unavailable";
        };
        return Mono.just(Rendering.view("problem").modelAttribute("kind", kind).status(status).build());
    }
}
