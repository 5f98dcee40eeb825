package se.samverka.project;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import se.samverka.platform.events.reference.FundingProgrammes;
import se.samverka.platform.events.reference.MunicipalStrategy;
import se.samverka.project.assessment.AssessmentWeights;

/** The international project portfolio. */
@SpringBootApplication
@EnableConfigurationProperties(AssessmentWeights.class)
public class ProjectServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectServiceApplication.class, args);
    }

    /** The municipality's strategy: {@code samverka.strategy.file}, or Östersund's when it is not set. */
    @Bean
    MunicipalStrategy municipalStrategy(@Value("${samverka.strategy.file:}") String file) {
        return MunicipalStrategy.load(file);
    }

    /** The funding programmes: {@code samverka.funding-programmes.file}, or the shipped list. */
    @Bean
    FundingProgrammes fundingProgrammes(@Value("${samverka.funding-programmes.file:}") String file) {
        return FundingProgrammes.load(file);
    }
}
