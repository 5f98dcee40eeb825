package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samverka.identity.account.AccountStore;
import se.samverka.identity.account.LogAction;
import se.samverka.identity.account.LogEntry;
import tools.jackson.databind.JsonNode;

/**
 * What a person does on the provider's pages: a new password with a reset link (the coordinator's, or one asked for
 * on the login page), a changed password, the second factor; in Swedish or English; and logins that fail too often.
 */
class PasswordPagesIT extends IdentityProviderTestSupport {

    private static final String PASSWORD = "en lång mening om Storsjön";
    private static final String NEW_PASSWORD = "ett annat långt lösenord";
    private static final Pattern SECRET = Pattern.compile("class=\"secret\">([A-Z2-7]+)<");

    @Autowired
    AccountStore store;

    @Test
    void theCoordinatorsResetLinkSetsANewPasswordOnce() {
        String email = newEmail();
        String id = person(email, "STAFF");

        HttpResponse<String> issued = api("POST", "/api/accounts/" + id + "/password-reset", admin(), null);
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode reset = json(issued.body());
        assertThat(reset.get("mailed").asBoolean()).isTrue();
        String path = reset.get("link").asString().substring(ISSUER.length());
        assertThat(linkIn(awaitMail(email, 2).text())).isEqualTo(path);

        Browser browser = new Browser();
        HttpResponse<String> form = browser.get(path);
        assertThat(form.body()).contains("Välj ett nytt lösenord", email);
        HttpResponse<String> set = browser.post(path, form, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD);
        assertThat(location(set)).isEqualTo(PORTAL + "login");

        assertThat(location(new Browser().submitLogin(email, PASSWORD))).isEqualTo(url("/login?error"));
        assertThat(new Browser().logIn(email, NEW_PASSWORD).has("access_token")).isTrue();
        assertThat(new Browser().get(path).statusCode()).isEqualTo(404);
        assertThat(store.byId(id).orElseThrow().log()).extracting(LogEntry::action)
                .endsWith(LogAction.PASSWORD_RESET, LogAction.PASSWORD_CHANGED);
    }

    @Test
    void aResetAskedForOnTheLoginPageIsMailedAndTheAnswerSaysNothingOfWhetherTheAccountExists() {
        String email = newEmail();
        person(email, "COMPANY");
        String unknown = newEmail();
        Browser browser = new Browser();
        HttpResponse<String> form = browser.get("/password-reset");
        assertThat(form.body()).contains("<label for=\"email\">E-postadress</label>");

        HttpResponse<String> known = browser.post("/password-reset", form, "email", email.toUpperCase());
        HttpResponse<String> notKnown = browser.post("/password-reset", form, "email", unknown);

        assertThat(location(known)).isEqualTo(location(notKnown)).endsWith("/password-reset?sent");
        assertThat(MAIL.to(unknown)).isEmpty();
        String path = linkIn(awaitMail(email, 2).text());
        assertThat(path).startsWith("/password-reset/");
        assertThat(browser.get(path).body()).contains("Välj ett nytt lösenord");
        assertThat(browser.get("/password-reset?sent").body()).contains("role=\"status\"", "Om ett konto har den här");
        browser.post("/password-reset", form, "email", email);
        assertThat(MAIL.to(email)).as("not mailed again within a minute").hasSize(2);
    }

    @Test
    void aPersonChangesTheirPasswordWithTheCurrentOne() {
        String email = newEmail();
        person(email, "PARTNER");
        Browser browser = new Browser();
        browser.logIn(email, PASSWORD);

        HttpResponse<String> page = browser.get("/account");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Ditt konto</h1>", email, "Partner")
                .doesNotContain("Inloggning i två steg");

        HttpResponse<String> wrong = browser.post("/account/password", page, "current", "inte det",
                "password", NEW_PASSWORD, "repeat", NEW_PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"current-error\"", "aria-describedby=\"current-error\"");
        HttpResponse<String> changed = browser.post("/account/password", wrong, "current", PASSWORD,
                "password", NEW_PASSWORD, "repeat", NEW_PASSWORD);
        assertThat(location(changed)).endsWith("/account?done=password-changed");
        assertThat(browser.get("/account?done=password-changed").body()).contains("Ditt lösenord är bytt.");
        assertThat(new Browser().logIn(email, NEW_PASSWORD).has("access_token")).isTrue();
    }

    @Test
    void aCoordinatorTurnsOnTheSecondFactorAndTheLoginThenAsksForTheCode() throws CodeGenerationException {
        String email = newEmail();
        String id = person(email, "ADMIN");
        Browser browser = new Browser();
        browser.logIn(email, PASSWORD);
        assertThat(browser.get("/account").body()).contains("Slå på inloggning i två steg");

        HttpResponse<String> setUp = browser.get("/account/second-factor");
        assertThat(setUp.body()).contains("<img src=\"data:image/png;base64,", "alt=\"QR-kod med nyckeln");
        Matcher secret = SECRET.matcher(setUp.body());
        assertThat(secret.find()).isTrue();
        HttpResponse<String> wrong = browser.post("/account/second-factor", setUp, "code", "000000");
        assertThat(wrong.statusCode()).isEqualTo(422);
        HttpResponse<String> on = browser.post("/account/second-factor", wrong, "code", code(secret.group(1)));
        assertThat(location(on)).endsWith("/account?done=second-factor-on");
        assertThat(json(api("GET", "/api/accounts/" + id, admin(), null).body()).get("secondFactor").asBoolean())
                .isTrue();

        Browser later = new Browser();
        later.authorize();
        HttpResponse<String> password = later.submitLogin(email, PASSWORD);
        assertThat(location(password)).endsWith("/login/code");
        assertThat(later.authorize().headers().firstValue("Location")).as("not logged in before the code")
                .hasValue(url("/login"));
        later.submitLogin(email, PASSWORD);
        HttpResponse<String> codePage = later.get("/login/code");
        assertThat(codePage.body()).contains("<label for=\"code\">Kod (sex siffror)</label>",
                "autocomplete=\"one-time-code\"");
        HttpResponse<String> badCode = later.post("/login/code", codePage, "code", "123456");
        assertThat(location(badCode)).endsWith("/login/code?error");
        HttpResponse<String> again = later.get("/login/code?error");
        assertThat(again.body()).contains("id=\"code-error\"", "aria-invalid=\"true\"");
        HttpResponse<String> loggedIn = later.post("/login/code", again, "code", code(secret.group(1)));
        assertThat(location(loggedIn)).startsWith(url("/oauth2/authorize?"));
        JsonNode tokens = later.tokens(later.follow(loggedIn));
        assertThat(decode(tokens.get("access_token").asString()).getClaimAsStringList("roles"))
                .containsExactly("ADMIN");

        HttpResponse<String> account = browser.get("/account");
        HttpResponse<String> refused = browser.post("/account/second-factor/removal", account, "current", "fel");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(location(browser.post("/account/second-factor/removal", refused, "current", PASSWORD)))
                .endsWith("/account?done=second-factor-off");
        assertThat(store.byId(id).orElseThrow().log()).extracting(LogEntry::action)
                .contains(LogAction.SECOND_FACTOR_ON, LogAction.SECOND_FACTOR_OFF);
    }

    @Test
    void afterAFewFailedLoginsEvenTheRightPasswordIsRefusedForAWhile() {
        String email = newEmail();
        person(email, "COMPANY");
        Browser browser = new Browser();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(location(browser.submitLogin(email, "fel lösenord " + attempt))).isEqualTo(url("/login?error"));
        }

        assertThat(location(browser.submitLogin(email, PASSWORD))).isEqualTo(url("/login?error"));
    }

    @Test
    void thePagesAreInEnglishOnceChosenAndSayWhichLanguageTheyAreIn() {
        Browser browser = new Browser();

        HttpResponse<String> english = browser.get("/login?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Log in to Samverka</h1>",
                "<label for=\"username\">Username</label>", "href=\"/login?lang=sv\" lang=\"sv\" hreflang=\"sv\">På svenska",
                "Forgot your password?", "<a class=\"skip-link\" href=\"#main\">Skip to the content</a>");
        assertThat(english.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("samverka-lang=en"));
        assertThat(browser.get("/password-reset").body()).as("kept in the cookie").contains("<html lang=\"en\">",
                "Forgot your password");
        HttpResponse<String> failed = browser.submitLogin("nobody", "wrong");
        assertThat(browser.get(location(failed)).body()).contains("Wrong username or password.");
        assertThat(browser.get("/login?lang=sv").body()).contains("<html lang=\"sv\">", "In English");
        assertThat(new Browser().get("/login").headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("default-src 'none'", "style-src 'self'"));
        assertThat(new Browser().get("/css/identity.css").statusCode()).isEqualTo(200);
    }

    private String admin() {
        return personToken("admin", "demo-admin");
    }

    /** An active account of org-ostersund with {@link #PASSWORD}, invited and accepted; returns its id. */
    private String person(String email, String role) {
        HttpResponse<String> invited = api("POST", "/api/accounts/invitations", admin(), """
                {"name":"Pia Person","email":"%s","organisationId":"org-ostersund","role":"%s"}"""
                .formatted(email, role));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String path = json(invited.body()).get("invitation").get("link").asString().substring(ISSUER.length());
        Browser browser = new Browser();
        assertThat(browser.post(path, browser.get(path), "password", PASSWORD, "repeat", PASSWORD).statusCode())
                .isEqualTo(302);
        return json(invited.body()).get("account").get("id").asString();
    }

    private static String code(String secret) throws CodeGenerationException {
        return new DefaultCodeGenerator().generate(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30));
    }
}
