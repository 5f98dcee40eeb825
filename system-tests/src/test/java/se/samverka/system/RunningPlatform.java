package se.samverka.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import se.samverka.platform.test.Api;
import se.samverka.platform.runtime.Directories;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;
import se.samverka.platform.runtime.StartupException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform, started once per test JVM exactly as {@code ./samverka run} starts it, on free ports and in a
 * folder of its own, and stopped when the JVM ends. With {@code -Dsamverka.test.instances=2}, every part that may run
 * more than once runs that many times (ADR 0026), as {@code SAMVERKA_<PART>_INSTANCES=2 ./samverka run} starts it.
 */
final class RunningPlatform {

    /** How many times each part that may run more than once runs. */
    static final int INSTANCES = Integer.getInteger("samverka.test.instances", 1);

    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            platform = start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
        }
        return platform;
    }

    /** The gateway's API, called by the coordinator with a token fresh from the platform's identity provider. */
    static Api gateway() {
        return new Api(get().gatewayUrl()).as(coordinatorToken());
    }

    /** An access token of one of the demo accounts' machine clients (README, "Logging in"). */
    static String token(String clientId, String secret) {
        String issuer = get().settings().url(RuntimeSettings.IDENTITY_PROVIDER);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String coordinatorToken() {
        try {
            return get().coordinatorToken();
        } catch (StartupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Platform start() {
        try {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Path home = Path.of("target", "samverka-home").toAbsolutePath();
            // A fresh start every time: the tests assume nothing of earlier runs.
            Directories.delete(home);
            RuntimeSettings settings = RuntimeSettings.onFreePorts(root, home, INSTANCES);
            System.out.println("Starting the whole platform in " + home);
            return Platform.start(settings, new Platform.Progress() {
                @Override
                public void ready(String component, String address, Duration took) {
                    System.out.printf("  ready  %-22s %-28s %5.1f s%n", component, address, took.toMillis() / 1000.0);
                }

                /** What supervision does, too: a test that kills a part shows it being brought back. */
                @Override
                public void note(String message) {
                    System.out.println("  " + message);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StartupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
