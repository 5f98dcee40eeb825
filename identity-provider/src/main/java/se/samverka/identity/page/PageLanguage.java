package se.samverka.identity.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: Swedish, the municipality's, unless the reader chose English ({@code ?lang=en}), kept in
 * the portal's own cookie ({@code samverka-lang}, which the browser sends to the provider too: cookies do not tell
 * ports apart), so a person who reads the portal in English logs in in English. The API answers as every service
 * does: in the language of Accept-Language, English by default (ADR 0009).
 */
@Configuration(proxyBeanMethods = false)
public class PageLanguage {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final String PARAMETER = "lang";
    static final String COOKIE = "samverka-lang";
    private static final Set<String> LANGUAGES = Set.of("sv", "en");

    /** Named so that the DispatcherServlet takes it, instead of the platform's Accept-Language one. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setSupportedLocales(List.of(Locale.ENGLISH, SWEDISH));
        api.setDefaultLocale(Locale.ENGLISH);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return isApi(request) ? api.resolveLocale(request) : Locale.forLanguageTag(pageLanguage(request));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }

    /** Keeps a language chosen with {@code ?lang=} in the cookie, for the pages that follow. */
    @Bean
    WebMvcConfigurer languageChoice() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        String chosen = request.getParameter(PARAMETER);
                        if (chosen != null && LANGUAGES.contains(chosen)) {
                            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, chosen).path("/")
                                    .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build().toString());
                        }
                        return true;
                    }
                }).excludePathPatterns("/api/**");
            }
        };
    }

    /** {@code sv} or {@code en}: the parameter's, else the cookie's, else Swedish. */
    static String pageLanguage(HttpServletRequest request) {
        String chosen = request.getParameter(PARAMETER);
        if (chosen != null && LANGUAGES.contains(chosen)) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && LANGUAGES.contains(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return "sv";
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }
}
