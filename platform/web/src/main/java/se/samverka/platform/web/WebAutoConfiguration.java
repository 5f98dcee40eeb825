package se.samverka.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP conventions: problem documents for every failure, in the caller's language, strict request bodies,
 * and who makes a request. Before Spring MVC's own, so that its locale resolver is this one.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsHandler.class)
public class WebAutoConfiguration {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Bean
    @ConditionalOnMissingBean
    CurrentActor currentActor() {
        return () -> CurrentActor.ANONYMOUS;
    }

    /**
     * Swedish for a caller that asks for it in Accept-Language (the portal does, for its Swedish readers), English
     * otherwise: partner systems that send nothing, or ask for a language we do not write, read what they always read.
     */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, SWEDISH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /**
     * Request bodies are read strictly (ADR 0011): every text goes through {@link TextCheck}, and a key given twice is
     * malformed JSON rather than the last one silently winning. Only the request bodies: the application's own
     * JsonMapper still reads events and answers as they are, since text refused now may already be on the log. After
     * Boot's customizer, whose JSON converter this one replaces.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictRequestBodies(JsonMapper jsonMapper) {
        JsonMapper strict = jsonMapper.rebuild()
                .addModule(new CheckedTextModule())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }

    @Bean
    WebMvcConfigurer mediaTypeHeaders() {
        return new MediaTypeHeaders();
    }
}
