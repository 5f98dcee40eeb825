package se.samverka.identity.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.Passwords;
import se.samverka.identity.login.LoginSuccess;
import se.samverka.identity.login.LoginThrottle;
import se.samverka.identity.login.SecondFactor;

/**
 * The second step of a login with a second factor: the code of the person's authenticator app. Wrong codes count
 * as failed logins; once the username is locked out, the login waiting for its code is dropped.
 */
@Controller
class SecondFactorPage {

    private final Passwords passwords;
    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final LoginSuccess loginSuccess;

    SecondFactorPage(Passwords passwords, SecondFactor secondFactor, LoginThrottle throttle, LoginSuccess loginSuccess) {
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.loginSuccess = loginSuccess;
    }

    @GetMapping(LoginSuccess.CODE_PAGE)
    String form(HttpSession session, @RequestParam(required = false) String error, Model model) {
        if (pending(session) == null) {
            return "redirect:/login";
        }
        model.addAttribute("failed", error != null);
        return "login-code";
    }

    /** Answers with redirects only: to the code again, to the login, or on to where the login was asked for. */
    @PostMapping(LoginSuccess.CODE_PAGE)
    void verify(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession();
        Authentication pending = pending(session);
        if (pending == null) {
            response.sendRedirect("/login");
            return;
        }
        String username = pending.getName();
        String secret = passwords.byUsername(username).filter(Account::isActive).map(Account::secondFactorSecret)
                .orElse(null);
        if (!throttle.locked(username) && secondFactor.verify(secret, code)) {
            loginSuccess.complete(request, response, pending);
            return;
        }
        throttle.failed(username);
        if (throttle.locked(username) || secret == null) {
            session.removeAttribute(LoginSuccess.PENDING);
            response.sendRedirect("/login?error");
            return;
        }
        response.sendRedirect(LoginSuccess.CODE_PAGE + "?error");
    }

    private static Authentication pending(HttpSession session) {
        return session.getAttribute(LoginSuccess.PENDING) instanceof Authentication waiting ? waiting : null;
    }
}
