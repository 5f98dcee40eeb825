package se.samverka.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The Swedish login form. Spring Security handles the POST; this only renders the page, from a plain template with
 * {@code {{placeholders}}}, so the module needs no template engine and the page loads nothing from elsewhere.
 */
@Controller
class LoginPage {

    static final String ERROR_MESSAGE = "Fel användarnamn eller lösenord.";

    /** Inline styles only, nothing else: no scripts, frames, images or other origins. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    private final String template;

    LoginPage() throws IOException {
        try (InputStream in = LoginPage.class.getResourceAsStream("login.html")) {
            if (in == null) {
                throw new IllegalStateException("login.html is missing from the classpath");
            }
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(HttpServletRequest request, CsrfToken csrf) {
        // Spring Security's form login sends a failed attempt back to /login?error.
        boolean failed = request.getParameter("error") != null;
        String page = template
                .replace("{{error}}", failed
                        ? "<p id=\"login-error\" class=\"error\" role=\"alert\">" + ERROR_MESSAGE + "</p>"
                        : "")
                .replace("{{fieldState}}", failed ? " aria-invalid=\"true\" aria-describedby=\"login-error\"" : "")
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page);
    }
}
