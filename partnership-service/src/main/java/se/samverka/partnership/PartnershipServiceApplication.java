package se.samverka.partnership;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The organisation directory and the partnership register. */
@SpringBootApplication
public class PartnershipServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnershipServiceApplication.class, args);
    }
}
