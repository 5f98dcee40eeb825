package se.samverka.reference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The reference data events and requests are described with, the same in every service that reads it: the
 * municipality's strategy and the funding programmes, each from its file or the one shipped.
 */
@AutoConfiguration
public class ReferenceDataAutoConfiguration {

    /** The municipality's strategy: {@code samverka.strategy.file}, or Östersund's when it is not set. */
    @Bean
    @ConditionalOnMissingBean
    MunicipalStrategy municipalStrategy(@Value("${samverka.strategy.file:}") String file) {
        return MunicipalStrategy.load(file);
    }

    /** The funding programmes: {@code samverka.funding-programmes.file}, or the shipped list. */
    @Bean
    @ConditionalOnMissingBean
    FundingProgrammes fundingProgrammes(@Value("${samverka.funding-programmes.file:}") String file) {
        return FundingProgrammes.load(file);
    }
}
