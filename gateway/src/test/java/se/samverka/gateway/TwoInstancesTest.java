package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverka.gateway.limits.GatewayInstances;
import se.samverka.platform.test.TestTokens;

/**
 * Two gateway instances on one store, as behind a load balancer (ADR 0024): a session started at one is the same
 * session at the other, and the rate limit is the platform's, each instance allowing its share.
 */
@TestPropertySource(properties = {
        "samverka.gateway.rate-limit.capacity=10",
        "samverka.gateway.rate-limit.refill-per-second=0.01",
        "samverka.gateway.instances.note-every=200ms"})
class TwoInstancesTest extends GatewayTest {

    private static ConfigurableApplicationContext second;
    private static WebTestClient secondHttp;

    @Autowired
    private GatewayInstances instances;

    /**
     * The other instance: the same application and settings, on the same database of the same store. With Reactor
     * Netty's resources of its own, as every test context has: on closing, an application disposes the JVM's global
     * ones, which the other contexts' clients and servers were still using.
     */
    @BeforeAll
    static void startTheSecondInstance(@Autowired Environment first) {
        second = new SpringApplicationBuilder(GatewayApplication.class).initializers(context -> context.getBeanFactory()
                .addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInitialization(Object bean, String name) {
                        if (bean instanceof ReactorResourceFactory resources) {
                            resources.setUseGlobalResources(false);
                        }
                        return bean;
                    }
                })).run(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.mongodb.uri=" + first.getRequiredProperty("spring.mongodb.uri"),
                "--samverka.portal.client-secret=test-secret",
                "--samverka.gateway.rate-limit.capacity=10",
                "--samverka.gateway.rate-limit.refill-per-second=0.01",
                "--samverka.gateway.instances.note-every=200ms",
                "--samverka.security.issuer-uri=" + TestTokens.ISSUER,
                "--samverka.security.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--samverka.services.partnership=" + PARTNERSHIP.url(),
                "--samverka.services.project=" + PROJECT.url(),
                "--samverka.services.reporting=" + REPORTING.url(),
                "--samverka.services.subscription=" + DOWN);
        int port = ((WebServerApplicationContext) second).getWebServer().getPort();
        secondHttp = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void aSessionStartedAtOneInstanceIsTheSameSessionAtTheOther() {
        String session = http.get().uri("/oauth2/authorization/samverka").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult().getResponseCookies().getFirst("SESSION").getValue();

        // A change with the session's cookie needs the CSRF header only where the session is known: refused at the
        // other instance, it is known there.
        secondHttp.post().uri("/api/projects").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        assertThat(PROJECT.received()).isEmpty();

        // Logged out at the other instance, the session is gone at this one too: its cookie no longer names a
        // session, so nothing the cookie could be borrowed for needs the header any more.
        String xsrf = secondHttp.get().uri("/api/me").cookie("SESSION", session).exchange()
                .expectBody().returnResult().getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        secondHttp.post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf)
                .header("X-XSRF-TOKEN", xsrf).exchange()
                .expectStatus().is3xxRedirection();
        http.post().uri("/api/projects").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void eachInstanceAllowsItsShareOfTheLimit() {
        await("both instances counted").atMost(Duration.ofSeconds(20)).until(() -> instances.share() == 0.5);
        String token = bearer(TestTokens.staff("org-limited"));

        // A burst of ten in all: five at each.
        for (WebTestClient instance : new WebTestClient[] {http, secondHttp}) {
            for (int i = 0; i < 5; i++) {
                instance.get().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, token).exchange()
                        .expectStatus().isOk();
            }
            instance.get().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, token).exchange()
                    .expectStatus().isEqualTo(429);
        }
    }
}
