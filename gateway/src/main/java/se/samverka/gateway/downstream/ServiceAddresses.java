package se.samverka.gateway.downstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services answer ({@code samverka.services.*}), as the routes use them. */
@ConfigurationProperties("samverka.services")
public record ServiceAddresses(String partnership, String project, String reporting, String subscription) {

    String of(Service service) {
        return switch (service) {
            case PARTNERSHIP -> partnership;
            case PROJECT -> project;
            case REPORTING -> reporting;
            case SUBSCRIPTION -> subscription;
        };
    }
}
