package se.samverka.partnership.broker.matching;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.reference.MunicipalStrategy;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchWeights.class)
class MatchingConfiguration {

    /**
     * @param businessStrategies {@code samverka.broker.business-strategies}: the codes of the municipality's
     *                           strategies for cooperation with business and the social economy (S3 in Östersund's)
     */
    @Bean
    Matcher matcher(MatchWeights weights, MunicipalStrategy strategy,
                    @Value("${samverka.broker.business-strategies:}") List<String> businessStrategies) {
        return new Matcher(weights, businessStrategies, strategy);
    }

    @Bean
    ReasonWords reasonWords(MessageSource messages) {
        return new ReasonWords(messages);
    }
}
