package se.samverka.subscription;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Regional partners' subscriptions to project events. Runs on the platform (MongoDB, Kafka, health, metrics) from
 * the start; the subscriptions themselves arrive with their own issue.
 */
@SpringBootApplication
public class SubscriptionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionServiceApplication.class, args);
    }
}
