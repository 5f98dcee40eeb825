package se.samverka.subscription;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Regional partners' subscriptions to project events: signed webhooks (CloudEvents over Standard Webhooks), a
 * Server-Sent Events stream for the portal and a public Atom feed.
 */
@SpringBootApplication
@EnableConfigurationProperties(SubscriptionSettings.class)
public class SubscriptionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionServiceApplication.class, args);
    }
}
