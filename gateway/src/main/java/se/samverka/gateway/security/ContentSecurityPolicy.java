package se.samverka.gateway.security;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Only this origin's own scripts, styles and images, never framed. Swagger UI styles its elements inline and draws
 * icons from data: URLs, so its own pages get exactly that much more. {@code form-action} names the identity
 * provider because browsers apply it to the redirect after the logout form, which ends at the provider.
 */
class ContentSecurityPolicy implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";

    private final String strict;
    private final String swaggerUi;

    ContentSecurityPolicy(String issuer) {
        URI uri = URI.create(issuer);
        String provider = uri.getScheme() + "://" + uri.getRawAuthority();
        strict = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self' "
                + provider;
        swaggerUi = strict + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HEADER)) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            headers.set(HEADER, path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui")
                    ? swaggerUi : strict);
        }
        return Mono.empty();
    }
}
