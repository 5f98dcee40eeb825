package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The portal's pages in a real browser against the running platform with its demo data. */
class PortalIT {

    private static Browser browser;
    private static String gateway;

    /** What the browser showed when a test failed, kept beside the other screenshots. */
    @RegisterExtension
    static final TestWatcher KEEP_THE_FAILED_PAGE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            browser.keepPage("failed-" + context.getRequiredTestMethod().getName());
        }
    };

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

        browser.driver().findElement(By.linkText("Rapporter")).click();
        await("the reports").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("coverage")).size() == 1);
        assertThat(browser.seriousViolations()).as("the reports").isEmpty();
        browser.screenshot("reports");
        String pdf = browser.driver().findElement(By.partialLinkText("PDF")).getDomProperty("href");
        Object fetched = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')),
                                         e => done(String(e)));""", pdf);
        assertThat(fetched).as("the annual report, with the session's token relayed").isEqualTo("200 application/pdf");

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

        browser.open(gateway + "/partnerships?type=TWIN_CITY");
        assertThat(browser.seriousViolations()).as("the twin cities").isEmpty();
        browser.driver().findElement(By.partialLinkText("Sanok")).click();
        await("the partnership's page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("parties")).size() == 1);
        assertThat(browser.driver().findElement(By.id("parties")).findElement(By.xpath("..")).getText())
                .contains("Gmina Miasta Sanoka");
        assertThat(browser.seriousViolations()).as("a partnership's page").isEmpty();
        browser.screenshot("partnership");

        browser.driver().findElement(By.linkText("Prenumerationer")).click();
        await("the partner's subscriptions").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("sink")).size() == 1);
        browser.driver().findElement(By.id("sink")).sendKeys("http://intranet.example/hooks");
        browser.driver().findElement(By.xpath("//form[@action='/subscriptions']//button")).click();
        await("the refusal, next to the field").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("sink-error")).size() == 1);
        assertThat(browser.driver().findElement(By.id("sink-error")).getText()).contains("https");
        assertThat(browser.seriousViolations()).as("the subscriptions with a refused sink").isEmpty();
        browser.screenshot("partner-subscriptions");

        logOut();
    }

    @Test
    void staffRegisterAProjectAndMoveItToOngoingAndAPartnerSeesIt() {
        String title = "Skolutbyte med Trondheim " + UUID.randomUUID().toString().substring(0, 8);
        browser.open(gateway + "/projects/new");
        logIn("staff", "demo-staff", false);
        await("the registration form").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("title")).size() == 1);
        assertThat(browser.seriousViolations()).as("the registration form").isEmpty();

        submit(By.cssSelector("button.primary"));
        assertThat(browser.driver().findElement(By.cssSelector(".error-summary")).getText()).contains("Titel");
        assertThat(browser.driver().findElement(By.id("title")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.seriousViolations()).as("the form with its errors").isEmpty();

        browser.driver().findElement(By.id("title")).sendKeys(title);
        browser.driver().findElement(By.cssSelector("input[name=visibility][value=COUNTY]")).click();
        browser.driver().findElement(By.cssSelector("input[name=strategies][value=S1]")).click();
        submit(By.cssSelector("button.primary"));
        await("the new project's page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("changes")).size() == 1);

        choose("organisationId", "Trondheim kommune");
        submit(By.xpath("//form[contains(@action,'/partners')]//button"));
        choose("programme", "Egen budget");
        browser.driver().findElement(By.id("applied")).sendKeys("120000");
        browser.driver().findElement(By.id("granted")).sendKeys("120000");
        submit(By.xpath("//form[contains(@action,'/funding-lines')]//button"));
        for (String step : List.of("Förstudie", "Ansökan skrivs", "Ansökan inlämnad", "Beviljat")) {
            moveTo(step);
        }
        submit(By.linkText("Ändra beskrivningen"));
        browser.driver().executeScript("arguments[0].value = '2026-11-02'",
                browser.driver().findElement(By.id("actualStart")));
        submit(By.cssSelector("button.primary"));
        moveTo("Pågående");
        assertThat(browser.driver().findElement(By.cssSelector(".facts dd")).getText()).isEqualTo("Pågående");
        assertThat(browser.seriousViolations()).as("the project's page with its forms").isEmpty();

        browser.open(gateway + "/dashboard");
        assertThat(browser.driver().findElement(By.id("mine")).findElement(By.xpath("..")).getText())
                .contains(title + " – Pågående");
        logOut();

        browser.open(gateway + "/login");
        logIn("partner", "demo-partner", false);
        await("signed in as the partner").atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver().findElements(By.cssSelector(".logout")).isEmpty());
        browser.open(gateway + "/projects?q=" + title.substring(title.lastIndexOf(' ') + 1));
        assertThat(browser.driver().findElements(By.linkText(title))).as("shared with the county").hasSize(1);
        browser.screenshot("partner-catalogue");
        logOut();
    }

    /** Takes the lifecycle step whose button says so, giving a reason, and waits for the page to show it. */
    private static void moveTo(String status) {
        browser.driver().findElement(By.id("reason")).sendKeys("Enligt plan");
        submit(By.xpath("//button[normalize-space(.)='Till: " + status + "']"));
        await("the project is " + status).atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElement(By.cssSelector(".facts dd")).getText().equals(status));
    }

    /** Clicks what sends the page away and waits until the next page has replaced it. */
    private static void submit(By what) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(what).click();
        await("the next page").atMost(Duration.ofSeconds(20)).until(() -> isGone(page));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    private static void choose(String select, String startingWith) {
        browser.driver().findElement(By.xpath("//select[@id='" + select + "']/option[starts-with(normalize-space(.),'"
                + startingWith + "')]")).click();
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
    void anyoneBrowsesTheOrganisationDirectory() {
        browser.open(gateway + "/organisations?type=FOREIGN_CITY");
        assertThat(browser.seriousViolations()).as("the directory").isEmpty();
        browser.driver().findElement(By.linkText("Gmina Miasta Sanoka")).click();
        await("the organisation's page").atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver().findElements(By.id("partnerships")).size() == 1);
        assertThat(browser.driver().findElement(By.id("partnerships")).findElement(By.xpath("..")).getText())
                .contains("Sanok");
        assertThat(browser.seriousViolations()).as("an organisation's page").isEmpty();
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
