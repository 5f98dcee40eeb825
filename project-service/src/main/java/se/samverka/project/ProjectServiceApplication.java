package se.samverka.project;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import se.samverka.project.assessment.AssessmentWeights;

/** The international project portfolio. */
@SpringBootApplication
@EnableConfigurationProperties(AssessmentWeights.class)
public class ProjectServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectServiceApplication.class, args);
    }
}
