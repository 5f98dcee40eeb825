package se.samverka.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a service makes of Content-Type and Accept headers that name no one media type, where Spring MVC would
 * otherwise answer 500, or an error without a body:
 * <ul>
 * <li>a body whose Content-Type is a wildcard ({@code *}{@code /*}, {@code application/*}) is refused with 415 before
 * it is read (Spring MVC fails on it with an IllegalArgumentException); one that is no media type at all Spring MVC
 * takes as none already;</li>
 * <li>an Accept header that is no list of media types ({@code *}{@code /*;q=abc}) is disregarded, as RFC 9110 allows,
 * so that even a refusal can be answered with its problem document.</li>
 * </ul>
 */
final class MediaTypeHeaders implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotSupportedException {
                MediaType type = contentType(request.getContentType());
                if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
                    throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                            HttpMethod.valueOf(request.getMethod()));
                }
                return true;
            }
        });
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        ContentNegotiationStrategy accept = new HeaderContentNegotiationStrategy();
        configurer.strategies(List.of(request -> {
            try {
                return accept.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException unparsable) {
                return ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
            }
        }));
    }

    private static MediaType contentType(String header) {
        try {
            return header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
