package se.samverka.identity.page;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.InvalidPasswordException;
import se.samverka.identity.account.PasswordRules;
import se.samverka.platform.web.NotFoundException;

/**
 * The form where a person with a one-time link (an invitation, a password reset) chooses a password: shown while the
 * link is valid, refused with the reason beside the field when the password is, and a page that says the link no
 * longer works once it is used up or expired.
 *
 * @param kind {@code invitation} or {@code reset}: the texts' keys and the form's address differ
 */
record PasswordForm(String kind) {

    static final String VIEW = "set-password";
    static final String INVALID_LINK = "link-invalid";

    String show(Optional<Account> account, String action, Model model, HttpServletResponse response) {
        if (account.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return INVALID_LINK;
        }
        fill(account.get(), action, model);
        return VIEW;
    }

    /** @param set sets the password, or refuses it ({@link InvalidPasswordException}) or the link (NotFound) */
    String submit(Optional<Account> account, String action, String password, String repeat,
                  Function<String, Account> set, String next, Model model, HttpServletResponse response) {
        if (account.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return INVALID_LINK;
        }
        try {
            if (password == null || !password.equals(repeat)) {
                // Said of the second field: the first may be fine, and is checked once both agree.
                PasswordRules.problem(password, account.get().username(), account.get().email()).ifPresent(problem -> {
                    throw new InvalidPasswordException(problem);
                });
                model.addAttribute("repeatError", "password.mismatch");
                return refused(account.get(), action, model, response);
            }
            set.apply(password);
            return "redirect:" + next;
        } catch (InvalidPasswordException refused) {
            model.addAttribute("passwordError", refused.key());
            return refused(account.get(), action, model, response);
        } catch (NotFoundException usedMeanwhile) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return INVALID_LINK;
        }
    }

    private String refused(Account account, String action, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        fill(account, action, model);
        return VIEW;
    }

    private void fill(Account account, String action, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("account", account);
        model.addAttribute("action", action);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
    }
}
