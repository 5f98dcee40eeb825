package se.samverka.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A process watching its parent ends when the parent is killed, as the embedded runtime's children do. */
class ParentWatchIT {

    /** The child: watches the given process and otherwise waits forever. */
    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start(Long.parseLong(args[0]));
        Thread.currentThread().join();
    }

    @Test
    void theChildEndsWhenItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ParentWatchIT.class.getName(),
                Long.toString(parent.pid()))
                .redirectErrorStream(true)
                .redirectOutput(new File("target/parent-watch-child.log"))
                .start();
        try {
            assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("the child waits while its parent lives").isFalse();

            parent.destroyForcibly();

            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child ended with its parent").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            parent.destroyForcibly();
            child.destroyForcibly();
        }
    }
}
