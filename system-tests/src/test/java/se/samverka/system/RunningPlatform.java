package se.samverka.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import se.samverka.platform.test.Api;
import se.samverka.runtime.Directories;
import se.samverka.runtime.Platform;
import se.samverka.runtime.RuntimeSettings;
import se.samverka.runtime.StartupException;

/**
 * The whole platform, started once per test JVM exactly as {@code ./samverka run} starts it, on free ports and in a
 * folder of its own, and stopped when the JVM ends.
 */
final class RunningPlatform {

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
            RuntimeSettings settings = RuntimeSettings.onFreePorts(root, home);
            System.out.println("Starting the whole platform in " + home);
            return Platform.start(settings, (component, address, took) ->
                    System.out.printf("  ready  %-22s %-28s %5.1f s%n", component, address, took.toMillis() / 1000.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StartupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
