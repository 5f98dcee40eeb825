package se.samverka.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Reports on the whole portfolio, built only from the events of the other services. */
@SpringBootApplication
@EnableConfigurationProperties(ReportingSettings.class)
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
