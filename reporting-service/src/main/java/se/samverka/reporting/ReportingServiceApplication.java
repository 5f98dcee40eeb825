package se.samverka.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import se.samverka.reporting.opendata.OpenDataSettings;

/** Reports on the whole portfolio, built only from the events of the other services. */
@SpringBootApplication
@EnableConfigurationProperties({ReportingSettings.class, OpenDataSettings.class})
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
