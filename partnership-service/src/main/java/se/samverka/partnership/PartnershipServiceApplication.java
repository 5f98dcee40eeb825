package se.samverka.partnership;

import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import se.samverka.platform.events.reference.MunicipalStrategy;

/** The organisation directory and the partnership register. */
@SpringBootApplication
@EnableScheduling
public class PartnershipServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnershipServiceApplication.class, args);
    }

    /** The municipality's strategy: {@code samverka.strategy.file}, or Östersund's when it is not set. */
    @Bean
    MunicipalStrategy municipalStrategy(@Value("${samverka.strategy.file:}") String file) {
        return MunicipalStrategy.load(file);
    }
}
