package se.samverka.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.report.ReportFilter;

/**
 * The figures after a crash at each step of a batch, on the real store: a restarted instance finishes what the batch
 * left, counting exactly the entries that were written, once; and the batches of several threads written at once.
 */
class FigureStoreCrashIT extends ServiceIntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MongoOperations mongo;
    @Autowired
    ProjectionStores stores;
    @Autowired
    Clock clock;

    private int generation;
    private ProjectionStore<ProjectEntry> projects;
    private ProjectionStore<OrganisationEntry> organisations;
    private FigureStore figures;
    private final String owner = UUID.randomUUID().toString();

    @BeforeEach
    void aGenerationOfItsOwn() {
        generation = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        projects = stores.create("projects_g" + generation, ProjectEntry.class);
        organisations = stores.create("organisations_g" + generation, OrganisationEntry.class);
        figures = restarted();
        organisations.applyAll(List.of(event(owner, 1)), event -> current -> new OrganisationEntry(
                new OrganisationDescription("Tekniska förvaltningen", null, "DEPARTMENT", "PUBLIC", "SE", null, null,
                        null, null, true)));
        projects.applyAll(List.of(event("p-1", 1), event("p-2", 1)), event -> current -> project("IDEA"),
                figures.besideProjects());
    }

    @AfterEach
    void dropIt() {
        List.of(projects.collection(), organisations.collection()).forEach(mongo::dropCollection);
        figures.collections().forEach(mongo::dropCollection);
    }

    @Test
    void aCrashAfterTheEntriesWereWrittenIsFinishedByTheNextStart() {
        projects.applyAll(List.of(event("p-1", 2), event("p-3", 1)), event -> current -> project("ONGOING"),
                crashingAfterTheEntries(figures.besideProjects()));
        assertThat(status()).as("the figures have not taken the batch yet")
                .containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 2L));

        figures = restarted();
        figures.recover();

        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 1L, "ONGOING", 2L));
        assertThat(figures.counts(ReportFilter.ALL).orElseThrow().total()).isEqualTo(3);
    }

    @Test
    void aCrashBeforeTheEntriesWereWrittenCountsNothingOfThem() {
        assertThatThrownBy(() -> projects.applyAll(List.of(event("p-1", 2), event("p-3", 1)),
                event -> current -> project("ONGOING"), crashingBeforeTheEntries(figures.besideProjects())))
                .hasMessageContaining("crash");

        figures = restarted();
        figures.recover();

        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 2L));
    }

    @Test
    void aCrashAfterTheFiguresTookTheBatchDoesNotCountItTwice() {
        List<Document> left = new ArrayList<>();
        Beside<ProjectEntry> keeping = figures.besideProjects();
        projects.applyAll(List.of(event("p-1", 2)), event -> current -> project("ONGOING"), new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<ProjectEntry>> changed) {
                Map<String, Document> kept = keeping.beforeWrite(changed);
                left.addAll(mongo.findAll(Document.class, "figure_batches_g" + generation));
                return kept;
            }

            @Override
            public void afterWrite() {
                keeping.afterWrite();
            }
        });
        left.forEach(batch -> mongo.insert(batch, "figure_batches_g" + generation));

        figures = restarted();
        figures.recover();

        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 1L, "ONGOING", 1L));
        assertThat(mongo.findAll(Document.class, "figure_batches_g" + generation)).isEmpty();
    }

    @Test
    void entriesWrittenBeforeTheirFiguresWereKeptAreCountedAgainFromTheEntries() {
        mongo.dropCollection("figures_g" + generation);
        projects.applyAll(List.of(event("p-3", 1)), event -> current -> project("ONGOING"));

        figures = restarted();
        assertThat(figures.whole()).isFalse();
        assertThat(figures.counts(ReportFilter.ALL)).as("the reports count every entry meanwhile").isEmpty();
        figures.countAgain();

        assertThat(figures.whole()).isTrue();
        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 2L, "ONGOING", 1L));
        assertThat(restarted().whole()).isTrue();
    }

    @Test
    void aRebuildCountsItsFiguresOnceFilledAndKeepsThemPerBatchFromThen() {
        dropIt();
        figures = new FigureStore(generation, mongo, projects, organisations, clock, true);
        organisations.applyAll(List.of(event(owner, 1)), event -> current -> new OrganisationEntry(
                new OrganisationDescription("Tekniska förvaltningen", null, "DEPARTMENT", "PUBLIC", "SE", null, null,
                        null, null, true)));
        projects.applyAll(List.of(event("p-1", 1), event("p-2", 1)), event -> current -> project("IDEA"),
                figures.besideProjects());
        assertThat(figures.whole()).isFalse();
        assertThat(figures.counts(ReportFilter.ALL)).as("not counted while the rebuild fills").isEmpty();

        figures.countAgain();
        projects.applyAll(List.of(event("p-2", 2)), event -> current -> project("ONGOING"), figures.besideProjects());

        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 1L, "ONGOING", 1L));
    }

    @Test
    void theProjectsBatchesOfTwoThreadsAreWrittenAtOnceAndCountedOnce() throws Exception {
        CyclicBarrier bothUnderWay = new CyclicBarrier(2);
        Beside<ProjectEntry> keeping = figures.besideProjects();
        Beside<ProjectEntry> meeting = new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<ProjectEntry>> changed) {
                Map<String, Document> kept = keeping.beforeWrite(changed);
                try {
                    // Each batch waits here for the other: one thread alone at a time would wait in vain.
                    bothUnderWay.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other thread's batch was not under way at the same time", e);
                }
                return kept;
            }

            @Override
            public void afterWrite() {
                keeping.afterWrite();
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> written = List.of(
                    threads.submit(() -> figures.writingBeside(() -> projects.applyAll(List.of(event("p-1", 2),
                            event("p-3", 1)), event -> current -> project("ONGOING"), meeting))),
                    threads.submit(() -> figures.writingBeside(() -> projects.applyAll(List.of(event("p-4", 1),
                            event("p-5", 1)), event -> current -> project("ONGOING"), meeting))));
            for (Future<?> write : written) {
                write.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 1L, "ONGOING", 4L));
        assertThat(mongo.findAll(Document.class, "figure_batches_g" + generation)).isEmpty();
    }

    @Test
    void aBatchWhoseFiguresFailedIsFinishedBeforeTheNextOfAnyThread() throws Exception {
        Beside<ProjectEntry> keeping = figures.besideProjects();
        assertThatThrownBy(() -> figures.writingBeside(() -> projects.applyAll(List.of(event("p-1", 2)),
                event -> current -> project("ONGOING"), new Beside<>() {
                    @Override
                    public Map<String, Document> beforeWrite(List<Changed<ProjectEntry>> changed) {
                        return keeping.beforeWrite(changed);
                    }

                    @Override
                    public void afterWrite() {
                        throw new IllegalStateException("the store went away after the entries were written");
                    }
                }))).hasMessageContaining("went away");

        ExecutorService another = Executors.newSingleThreadExecutor();
        try {
            another.submit(() -> figures.writingBeside(() -> projects.applyAll(List.of(event("p-3", 1)),
                    event -> current -> project("ONGOING"), figures.besideProjects()))).get(30, TimeUnit.SECONDS);
        } finally {
            another.shutdownNow();
        }

        assertThat(status()).containsExactlyInAnyOrderEntriesOf(Map.of("IDEA", 1L, "ONGOING", 2L));
    }

    private FigureStore restarted() {
        return new FigureStore(generation, mongo, projects, organisations, clock, false);
    }

    private Map<String, Long> status() {
        return figures.counts(new ReportFilter(null, owner, null, null)).orElseThrow().of("status");
    }

    private static Beside<ProjectEntry> crashingAfterTheEntries(Beside<ProjectEntry> beside) {
        return new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<ProjectEntry>> changed) {
                return beside.beforeWrite(changed);
            }

            @Override
            public void afterWrite() {
                // The instance ends here: what follows the entries' write never runs.
            }
        };
    }

    private static Beside<ProjectEntry> crashingBeforeTheEntries(Beside<ProjectEntry> beside) {
        return new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<ProjectEntry>> changed) {
                beside.beforeWrite(changed);
                throw new IllegalStateException("crash before the entries were written");
            }

            @Override
            public void afterWrite() {
                beside.afterWrite();
            }
        };
    }

    private ProjectEntry project(String status) {
        ProjectDescription description = new ProjectDescription(null, "Gatubelysning", null, null, null, "KS 2026/2",
                owner, List.of(), "COUNTY", List.of(), List.of("S1"), List.of(), List.of(), List.of(), List.of(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), null, null);
        return new ProjectEntry(description, status, null, List.of(), List.of(), List.of(), List.of(), null, List.of(),
                null, AT, AT, AT);
    }

    private static EventEnvelope event(String aggregateId, long sequence) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/test", "se.samverka.test", aggregateId,
                OffsetDateTime.ofInstant(AT, ZoneOffset.UTC), sequence, null, null, "{}");
    }
}
