package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCacheTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path target;

    @Test
    void aStartListsItsClassesAndLaterStartsMapTheArchiveMadeFromThem() throws Exception {
        Path jar = target.resolve("hello.jar");
        writeJar(jar);
        // As Spring Boot's extract would leave it: the runnable jar in the build's own folder.
        Path unpacked = LaunchCache.unpackedDirectory(jar);
        Files.createDirectories(unpacked);
        Files.copy(jar, unpacked.resolve("hello.jar"));

        try (LaunchCache cache = new LaunchCache(JAVA)) {
            LaunchCache.Launch first = cache.prepare(jar);
            assertThat(first.jar()).isEqualTo(unpacked.resolve("hello.jar"));
            assertThat(first.options()).anyMatch(option -> option.startsWith("-XX:DumpLoadedClassList="));
            assertThat(run(first, "-Xshare:auto")).isZero();
            assertThat(first.classList()).isNotEmptyFile();

            cache.archiveInBackground();
            assertThat(cache.awaitArchives(Duration.ofMinutes(2))).isTrue();
            assertThat(unpacked.resolve("classes.jsa")).isNotEmptyFile();

            LaunchCache.Launch later = cache.prepare(jar);
            assertThat(later.options()).contains("-XX:SharedArchiveFile=" + unpacked.resolve("classes.jsa"));
            // With sharing required, the JVM refuses to start unless it maps the archive.
            assertThat(run(later, "-Xshare:on")).isZero();
            try (var left = Files.list(unpacked)) {
                assertThat(left.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("hello.jar", "classes.jsa");
            }
        }
    }

    @Test
    void aJarThatIsNoSpringBootApplicationStartsAsItIs() throws Exception {
        Path jar = target.resolve("hello.jar");
        writeJar(jar);

        try (LaunchCache cache = new LaunchCache(JAVA)) {
            LaunchCache.Launch launch = cache.prepare(jar);

            assertThat(launch.jar()).isEqualTo(jar);
            assertThat(launch.options()).containsExactly("-XX:TieredStopAtLevel=1");
            assertThat(run(launch, "-Xshare:auto")).isZero();
        }
    }

    private static int run(LaunchCache.Launch launch, String sharing) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, sharing));
        command.addAll(launch.options());
        command.addAll(List.of("-jar", launch.jar().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not end");
        }
        return process.exitValue();
    }

    /** A runnable jar of one class, {@link Hello}. */
    private static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                InputStream in = Hello.class.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            in.transferTo(jarOut);
            jarOut.closeEntry();
        }
    }

    /** Loads a few classes of its own and ends. */
    public static final class Hello {

        public static void main(String[] args) {
            System.out.println(String.join(",", List.of("hello", java.time.LocalDate.now().toString())));
        }
    }
}
