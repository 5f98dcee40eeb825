package se.samverka.gateway.portal;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The portal's language: Swedish, the municipality's, unless the reader chose English ({@code ?lang=en}); the choice
 * is kept in a cookie so every page keeps it. The browser's own preference is not followed: Swedish first is the
 * municipality's language policy, and English is one click away on every page.
 */
@Configuration(proxyBeanMethods = false)
public class PortalLocale {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final String PARAMETER = "lang";
    private static final String COOKIE = "samverka-lang";
    private static final Set<String> LANGUAGES = Set.of("sv", "en");

    /** Named so that Spring WebFlux takes it instead of its Accept-Language default. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                String chosen = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
                if (chosen != null && LANGUAGES.contains(chosen)) {
                    // Once, though a request asks for its language as often as it renders a text or calls a service.
                    if (!exchange.getResponse().getCookies().containsKey(COOKIE)) {
                        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, chosen).path("/")
                                .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build());
                    }
                    return new SimpleLocaleContext(Locale.forLanguageTag(chosen));
                }
                HttpCookie kept = exchange.getRequest().getCookies().getFirst(COOKIE);
                return new SimpleLocaleContext(kept != null && LANGUAGES.contains(kept.getValue())
                        ? Locale.forLanguageTag(kept.getValue()) : SWEDISH);
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }
}
