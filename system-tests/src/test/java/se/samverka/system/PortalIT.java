package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The portal's pages in a real browser against the running platform with its demo data. */
class PortalIT {

    private static Browser browser;
    private static String gateway;

    @BeforeAll
    static void openABrowser() {
        gateway = RunningPlatform.get().gatewayUrl();
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    @Test
    void theStartPageListsThePublicProjectsWithoutLoginAndPassesAxe() {
        browser.open(gateway + "/?lang=sv");

        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("sv");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Östersunds internationella projekt");
        assertThat(browser.driver().findElements(By.cssSelector(".card h2")))
                .extracting(WebElement::getText)
                .anySatisfy(title -> assertThat(title).startsWith("Vinterstaden Östersund–Trondheim"))
                .noneSatisfy(title -> assertThat(title).as("an INTERNAL project of the demo data")
                        .startsWith("Vintersport och turism med Jilinprovinsen"));
        assertThat(browser.seriousViolations()).isEmpty();
        browser.screenshot("start");
    }

    @Test
    void staffLogInAtTheIdentityProviderAndSeeTheirDashboard() {
        browser.open(gateway + "/dashboard");
        logIn("staff", "demo-staff", true);

        await("back at the dashboard").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().getCurrentUrl().equals(gateway + "/dashboard"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Översikt över det internationella arbetet");
        assertThat(browser.driver().findElement(By.cssSelector(".who")).getText())
                .isEqualTo("Erik Eriksson, Kultur- och fritidsförvaltningen");
        assertThat(browser.driver().findElements(By.cssSelector(".figure"))).first()
                .satisfies(figure -> assertThat(Integer.parseInt(figure.getText())).isPositive());
        assertThat(browser.seriousViolations()).as("the dashboard").isEmpty();
        browser.screenshot("dashboard");

        logOut();
    }

    @Test
    void aPartnerFindsASharedProjectAndReadsItsPage() {
        browser.open(gateway + "/login");
        logIn("partner", "demo-partner", false);
        await("back at the start page, signed in").atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver().findElements(By.cssSelector(".logout")).isEmpty());
        browser.open(gateway + "/projects?q=Vinterstaden");
        assertThat(browser.seriousViolations()).as("the list of projects").isEmpty();

        browser.driver().findElement(By.linkText("Vinterstaden Östersund–Trondheim")).click();
        await("the project's page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("funding")).size() == 1);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("Vinterstaden Östersund–Trondheim");
        assertThat(browser.driver().findElements(By.cssSelector("#partners ~ table tbody tr"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.id("assessment")).isDisplayed()).isTrue();
        assertThat(browser.seriousViolations()).as("the project's page").isEmpty();
        browser.screenshot("project");

        logOut();
    }

    /** Answers the identity provider's login page, which the browser was sent to. */
    private static void logIn(String user, String password, boolean checkThePage) {
        await("the identity provider's login page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("username")).size() == 1);
        if (checkThePage) {
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Logga in på Samverka");
            assertThat(browser.seriousViolations()).as("the login page").isEmpty();
            browser.screenshot("login");
        }
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void logOut() {
        browser.driver().findElement(By.cssSelector(".logout button")).click();
        await("logged out, back at the start page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.cssSelector(".logout")).isEmpty()
                        && browser.driver().getCurrentUrl().startsWith(gateway + "/"));
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichLeadsToTheContent() {
        browser.open(gateway + "/?lang=sv");

        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Hoppa till innehållet");
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("main");
    }

    @Test
    void theStartPageInEnglishPassesAxeToo() {
        browser.open(gateway + "/?lang=en");

        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Östersund's international projects");
        assertThat(browser.seriousViolations()).isEmpty();
        browser.open(gateway + "/?lang=sv");
    }
}
