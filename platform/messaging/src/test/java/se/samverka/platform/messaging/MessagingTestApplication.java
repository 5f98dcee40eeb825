package se.samverka.platform.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.messaging.Message;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventHandlers;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.project.contracts.ProjectRegistered;

/**
 * A minimal service on the platform: one aggregate with an outbox, and one read model fed from its topic. Its scan
 * covers the library itself, so it leaves out the staff personal-data API, which only a service whose histories name
 * staff switches on (with its settings and histories; this one has neither).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @Filter(type = FilterType.REGEX, pattern = "se\\.samverka\\.platform\\.messaging\\.personaldata\\..*")})
public class MessagingTestApplication {

    /** The aggregate's state. */
    public record Project(String title, String status) {
    }

    /** The read model's view. */
    public record ProjectTitle(String title, String status, String traceId) {
    }

    @Bean
    AggregateStore<Project> projects(AggregateStores stores) {
        return stores.create("projects", Project.class);
    }

    /** A second read model, fed through {@link Projection}: it cares about registrations only. */
    public record ProjectSummary(String title, int eventsSeen) {
    }

    /** Aggregates whose events the summaries' handler fails on, until a test repairs it: a bug, and its fix. */
    public record Breakdown(Set<String> aggregates) {
    }

    @Bean
    Breakdown breakdown() {
        return new Breakdown(ConcurrentHashMap.newKeySet());
    }

    @Bean
    ProjectionStore<ProjectSummary> projectSummaries(ProjectionStores stores) {
        return stores.create("project_summaries", ProjectSummary.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> projectSummaryEvents(EventConsumers consumers,
                                                         ProjectionStore<ProjectSummary> summaries,
                                                         Breakdown breakdown) {
        Projection<ProjectSummary> projection = Projection.into(summaries)
                .on(ProjectRegistered.class, (current, event, envelope) -> {
                    if (breakdown.aggregates().contains(envelope.aggregateId())) {
                        throw new IllegalStateException("the summary of " + envelope.aggregateId() + " is broken");
                    }
                    return new ProjectSummary(event.description().title(), (int) envelope.sequence());
                })
                .build();
        return consumers.readModel(new ReadModelBinding("project-summaries", "projectSummaryEvents", projection::store,
                projection.handlers()));
    }

    @Bean
    ProjectionStore<ProjectTitle> projectTitles(ProjectionStores stores) {
        return stores.create("project_titles", ProjectTitle.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> projectEvents(EventConsumers consumers, ProjectionStore<ProjectTitle> titles,
                                            io.micrometer.tracing.Tracer tracer) {
        return consumers.consumer("project-titles", EventHandlers.builder()
                .on(ProjectRegistered.class, (event, envelope) -> {
                    if (event.description().title().startsWith("FAIL")) {
                        throw new IllegalStateException("the handler cannot take " + event.description().title());
                    }
                    titles.apply(envelope, current -> new ProjectTitle(event.description().title(), event.status(),
                            tracer.currentSpan() == null ? null : tracer.currentSpan().context().traceId()));
                })
                .build());
    }
}
