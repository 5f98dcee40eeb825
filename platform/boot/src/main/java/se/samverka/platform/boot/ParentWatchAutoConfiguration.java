package se.samverka.platform.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Under the embedded runtime ({@code samverka.runtime.parent-pid} set), ends the application with its launcher. */
@AutoConfiguration
@ConditionalOnProperty("samverka.runtime.parent-pid")
public class ParentWatchAutoConfiguration {

    @Bean
    SmartLifecycle parentWatch(Environment environment) {
        long parentPid = environment.getRequiredProperty("samverka.runtime.parent-pid", Long.class);
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                ParentWatch.start(parentPid);
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
