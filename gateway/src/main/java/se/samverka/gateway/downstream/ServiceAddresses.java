package se.samverka.gateway.downstream;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services answer ({@code samverka.services.*}): each as many addresses, separated by commas, as it runs
 * instances, e.g. {@code samverka.services.project=http://localhost:8082,http://localhost:8182}.
 *
 * @param identity the identity provider's accounts API: by default its issuer
 */
@ConfigurationProperties("samverka.services")
public record ServiceAddresses(String partnership, String project, String reporting, String subscription,
                               String identity) {

    /** The addresses of its instances, in the order given. */
    public List<URI> of(Service service) {
        String addresses = switch (service) {
            case PARTNERSHIP -> partnership;
            case PROJECT -> project;
            case REPORTING -> reporting;
            case SUBSCRIPTION -> subscription;
            case IDENTITY -> identity;
        };
        return Arrays.stream(addresses.split(",")).map(String::strip).filter(address -> !address.isEmpty())
                .map(address -> URI.create(address.replaceAll("/+$", ""))).toList();
    }
}
