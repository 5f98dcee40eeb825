package se.samverka.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * A service's HTTP conventions: problem documents for every failure, in the caller's language, and who makes a
 * request. Before Spring MVC's own, so that its locale resolver is this one.
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
}
