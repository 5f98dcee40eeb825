package se.samverka.identity.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import se.samverka.identity.account.Passwords;

/**
 * After the password: a person with a second factor is not logged in yet. Their login waits in the session, not in
 * its security context, so nothing counts them as logged in until the code is checked ({@code /login/code}); everyone
 * else goes on to where the login was asked for (the authorization request, as a rule).
 */
public class LoginSuccess implements AuthenticationSuccessHandler {

    /** The session attribute where a login waits for its code. */
    public static final String PENDING = LoginSuccess.class.getName() + ".PENDING";
    public static final String CODE_PAGE = "/login/code";

    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SecurityContextRepository contexts;
    private final Passwords passwords;
    private final LoginThrottle throttle;

    public LoginSuccess(SecurityContextRepository contexts, Passwords passwords, LoginThrottle throttle) {
        this.contexts = contexts;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof AccountUser user && user.secondFactor()) {
            request.getSession().setAttribute(PENDING, authentication);
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            response.sendRedirect(request.getContextPath() + CODE_PAGE);
            return;
        }
        complete(request, response, authentication);
    }

    /** The person is logged in: the session holds their login, and the browser goes where it was going. */
    public void complete(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        request.getSession().removeAttribute(PENDING);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        throttle.succeeded(authentication.getName());
        passwords.loggedIn(authentication.getName());
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
