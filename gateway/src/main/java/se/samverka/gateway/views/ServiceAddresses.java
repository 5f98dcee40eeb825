package se.samverka.gateway.views;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services answer ({@code samverka.services.*}), as the routes use them. */
@ConfigurationProperties("samverka.services")
public record ServiceAddresses(String partnership, String project, String reporting, String subscription) {
}
