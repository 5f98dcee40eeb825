package se.samverka.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The embedded runtime's OpenID Connect provider: demo users log in here, machine clients get tokens here. */
@SpringBootApplication
@EnableConfigurationProperties(IdentitySettings.class)
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
