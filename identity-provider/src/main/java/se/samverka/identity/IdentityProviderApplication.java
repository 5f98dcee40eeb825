package se.samverka.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The embedded runtime's OpenID Connect provider: people log in here, machine clients get tokens here, and the
 * coordinator manages both (the accounts API). Its scheduled check keeps personal data no longer than needed.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(IdentitySettings.class)
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
