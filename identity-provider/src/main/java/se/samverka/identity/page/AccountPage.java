package se.samverka.identity.page;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.InvalidPasswordException;
import se.samverka.identity.account.PasswordRules;
import se.samverka.identity.account.Passwords;
import se.samverka.identity.login.SecondFactor;
import se.samverka.platform.tokens.Role;

/**
 * The person's own account, for whoever is logged in at the provider: who they are, a new password (with the
 * current one), and, for the coordinator, the second factor: set up by scanning a QR code (or typing its key) and
 * confirming one code, removed with the current password.
 */
@Controller
class AccountPage {

    private static final String VIEW = "account";
    private static final String SETUP_VIEW = "second-factor";
    /** The secret being set up, kept in the session until a code confirms it. */
    private static final String PENDING_SECRET = AccountPage.class.getName() + ".SECRET";

    private final Passwords passwords;
    private final SecondFactor secondFactor;
    private final PasswordEncoder encoder;
    private final String portal;

    AccountPage(Passwords passwords, SecondFactor secondFactor, PasswordEncoder encoder, IdentitySettings settings) {
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.encoder = encoder;
        this.portal = settings.portalUrl().toString();
    }

    @GetMapping("/account")
    String show(Principal principal, @RequestParam(required = false) String done, Model model) {
        Account account = account(principal);
        if (account == null) {
            return "redirect:/login";
        }
        if (done != null && done.matches("[a-z-]{1,40}")) {
            model.addAttribute("done", done);
        }
        return fill(account, model);
    }

    @PostMapping("/account/password")
    String changePassword(Principal principal, @RequestParam(required = false) String current,
                          @RequestParam(required = false) String password, @RequestParam(required = false) String repeat,
                          Model model, HttpServletResponse response) {
        Account account = account(principal);
        if (account == null) {
            return "redirect:/login";
        }
        try {
            if (password == null || !password.equals(repeat)) {
                model.addAttribute("repeatError", "password.mismatch");
                return refused(account, model, response);
            }
            passwords.changePassword(account.username(), current, password);
            return "redirect:/account?done=password-changed";
        } catch (InvalidPasswordException refused) {
            model.addAttribute(refused.key().equals("password.current-wrong") ? "currentError" : "passwordError",
                    refused.key());
            return refused(account, model, response);
        }
    }

    @GetMapping("/account/second-factor")
    String setUp(Principal principal, HttpSession session, Model model) {
        Account account = account(principal);
        if (account == null || account.role() != Role.ADMIN || account.hasSecondFactor()) {
            return "redirect:/account";
        }
        String secret = session.getAttribute(PENDING_SECRET) instanceof String pending ? pending
                : secondFactor.newSecret();
        session.setAttribute(PENDING_SECRET, secret);
        return setUpForm(account, secret, model);
    }

    @PostMapping("/account/second-factor")
    String confirm(Principal principal, HttpSession session, @RequestParam(required = false) String code, Model model,
                   HttpServletResponse response) {
        Account account = account(principal);
        if (account == null || account.role() != Role.ADMIN
                || !(session.getAttribute(PENDING_SECRET) instanceof String secret)) {
            return "redirect:/account";
        }
        if (!secondFactor.verify(secret, code)) {
            model.addAttribute("codeError", "code.wrong");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return setUpForm(account, secret, model);
        }
        passwords.turnOnSecondFactor(account.username(), secret);
        session.removeAttribute(PENDING_SECRET);
        return "redirect:/account?done=second-factor-on";
    }

    @PostMapping("/account/second-factor/removal")
    String remove(Principal principal, @RequestParam(required = false) String current, Model model,
                  HttpServletResponse response) {
        Account account = account(principal);
        if (account == null || !account.hasSecondFactor()) {
            return "redirect:/account";
        }
        if (current == null || !encoder.matches(current, account.password())) {
            model.addAttribute("removalError", "password.current-wrong");
            return refused(account, model, response);
        }
        passwords.turnOffSecondFactor(account.username());
        return "redirect:/account?done=second-factor-off";
    }

    private String refused(Account account, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return fill(account, model);
    }

    private String fill(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("mayUseSecondFactor", account.role() == Role.ADMIN || account.hasSecondFactor());
        model.addAttribute("portal", portal);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        return VIEW;
    }

    private String setUpForm(Account account, String secret, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", secondFactor.qrCode(secret, account.username()));
        return SETUP_VIEW;
    }

    /** The logged-in person's account while it is active; null otherwise, and they log in again. */
    private Account account(Principal principal) {
        return principal == null ? null
                : passwords.byUsername(principal.getName()).filter(Account::isActive).orElse(null);
    }
}
