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
 * The invitation's link: the invited person chooses a password, and the browser goes on to the portal's login, where
 * they log in for the first time.
 */
@Controller
class InvitationPage {

    private static final PasswordForm FORM = new PasswordForm("invitation");

    private final Passwords passwords;
    private final String portalLogin;

    InvitationPage(Passwords passwords, IdentitySettings settings) {
        this.passwords = passwords;
        this.portalLogin = settings.portalUrl().resolve("login").toString();
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return FORM.show(passwords.invitation(token), "/invitation/" + token, model, response);
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String repeat, Model model, HttpServletResponse response) {
        return FORM.submit(passwords.invitation(token), "/invitation/" + token, password, repeat,
                chosen -> passwords.acceptInvitation(token, chosen), portalLogin, model, response);
    }
}
