package se.samverka.identity.page;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.account.Passwords;

/**
 * A forgotten password: the login page's link asks for a reset link by e-mail, and answers the same whether an
 * account has that address or not; the link (mailed, or given by the coordinator) opens the form for a new password.
 */
@Controller
class PasswordResetPage {

    private static final PasswordForm FORM = new PasswordForm("reset");

    private final Passwords passwords;
    private final String portalLogin;

    PasswordResetPage(Passwords passwords, IdentitySettings settings) {
        this.passwords = passwords;
        this.portalLogin = settings.portalUrl().resolve("login").toString();
    }

    @GetMapping("/password-reset")
    String request(@RequestParam(required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        return "password-reset-request";
    }

    @PostMapping("/password-reset")
    String requested(@RequestParam(required = false) String email) {
        passwords.requestReset(email);
        return "redirect:/password-reset?sent";
    }

    @GetMapping("/password-reset/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return FORM.show(passwords.passwordReset(token), "/password-reset/" + token, model, response);
    }

    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password,
                 @RequestParam(required = false) String repeat, Model model, HttpServletResponse response) {
        return FORM.submit(passwords.passwordReset(token), "/password-reset/" + token, password, repeat,
                chosen -> passwords.resetPassword(token, chosen), portalLogin, model, response);
    }
}
