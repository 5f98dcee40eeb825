package se.samverka.platform.web;

/**
 * Something the request cannot do without is unreachable just now, such as the Kafka broker for an operation that
 * reads the topics: answered with 503 and Retry-After, naming it. The service's own MongoDB needs no such exception:
 * Spring Data's {@code DataAccessResourceFailureException} is answered the same way.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    /** @param dependency its name as an operator knows it, e.g. {@code Kafka} */
    public DependencyUnavailableException(String dependency) {
        super(dependency + " is unreachable");
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
