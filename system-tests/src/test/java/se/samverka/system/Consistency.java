package se.samverka.system;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.KafkaTopicReader;

/**
 * What the platform holds, read where it is kept: each service's store and the topics. The fault suite reads it
 * (only reads it) to say whether anything acknowledged was lost, anything announced never happened, and whether
 * every read model has come to equal its source.
 */
final class Consistency implements AutoCloseable {

    /** A source of aggregates and the read models built from its events, each as database and collection. */
    private record Source(String database, String collection, List<ReadModel> readModels) {
    }

    /** A read model; its collection may depend on the state of its service (reporting's generations). */
    private record ReadModel(String name, String database, Function<MongoDatabase, String> collection) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("partnership-service", "organisations", List.of(
                    serving("project-service's directory", "project-service", "known_organisations"),
                    serving("subscription-service's directory", "subscription-service", "organisations"),
                    generation("reporting's organisations", "organisations_g"))),
            new Source("partnership-service", "partnerships", List.of(
                    serving("project-service's partnerships", "project-service", "known_partnerships"),
                    serving("subscription-service's partnerships", "subscription-service", "partnerships"),
                    generation("reporting's partnerships", "partnerships_g"))),
            new Source("project-service", "projects", List.of(
                    generation("reporting's projects", "projects_g"),
                    serving("subscription-service's projects", "subscription-service", "projects"),
                    serving("partnership-service's project links", "partnership-service", "project_links"))));

    private final MongoClient mongo;
    private final KafkaTopicReader topics;

    Consistency(String mongoUri, String bootstrapServers) {
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(20, TimeUnit.SECONDS))
                .build());
        this.topics = new KafkaTopicReader(bootstrapServers);
    }

    /**
     * How each read model differs from its source, one line per read model that does: aggregates it lacks, is
     * behind or ahead on (sequence against version), or has that the source does not. Empty when all are equal.
     */
    List<String> readModelDifferences() {
        List<String> differences = new ArrayList<>();
        for (Source source : SOURCES) {
            Map<String, Long> versions = sequences(source.database(), source.collection(), "version");
            for (ReadModel readModel : source.readModels()) {
                MongoDatabase database = mongo.getDatabase(readModel.database());
                Map<String, Long> applied = sequences(readModel.database(), readModel.collection().apply(database),
                        "sequence");
                int missing = 0;
                int behind = 0;
                int ahead = 0;
                for (var aggregate : versions.entrySet()) {
                    Long sequence = applied.get(aggregate.getKey());
                    if (sequence == null) {
                        missing++;
                    } else if (sequence < aggregate.getValue()) {
                        behind++;
                    } else if (sequence > aggregate.getValue()) {
                        ahead++;
                    }
                }
                long unknown = applied.keySet().stream().filter(id -> !versions.containsKey(id)).count();
                if (missing + behind + ahead + unknown > 0) {
                    differences.add("%s: %d missing, %d behind, %d ahead, %d unknown to %s.%s".formatted(readModel.name(),
                            missing, behind, ahead, unknown, source.database(), source.collection()));
                }
            }
        }
        return differences;
    }

    /** Ids of a collection's documents among these. */
    Set<String> stored(String database, String collection, Set<String> ids) {
        Set<String> found = new HashSet<>();
        mongo.getDatabase(database).getCollection(collection).find(new Document("_id", new Document("$in", List.copyOf(ids))))
                .projection(Projections.include("_id")).forEach(document -> found.add(document.getString("_id")));
        return found;
    }

    /** Ids of the projects a store holds for an owner. */
    Set<String> projectsOf(String owner) {
        Set<String> found = new HashSet<>();
        mongo.getDatabase("project-service").getCollection("projects")
                .find(new Document("state.description.ownerOrganisationId", owner)).projection(Projections.include("_id"))
                .forEach(document -> found.add(document.getString("_id")));
        return found;
    }

    /** The registrations on a topic whose data carries the tag, by aggregate id. */
    Map<String, EventEnvelope> registered(String topic, EventContract<?> registration, String tag) {
        return topics.readAll(topic).stream()
                .filter(record -> registration.type().equals(record.headers().get("ce_type")))
                .filter(record -> record.value() != null && record.value().contains(tag))
                .map(KafkaTopicReader.Record::event)
                .collect(Collectors.toMap(EventEnvelope::aggregateId, Function.identity(), (first, again) -> first));
    }

    /** Keys of the records a consumer group parked in its dead-letter topic. */
    Set<String> deadLettered(String deadLetterTopic) {
        return topics.readAll(deadLetterTopic).stream().map(KafkaTopicReader.Record::key).collect(Collectors.toSet());
    }

    /** How many of a collection's documents share a value of a field with another: duplicates where it is unique. */
    long repeated(String database, String collection, String... fields) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
            List<Object> key = new ArrayList<>();
            for (String field : fields) {
                key.add(document.get(field));
            }
            counts.merge(key, 1, Integer::sum);
        }
        return counts.values().stream().filter(count -> count > 1).mapToLong(count -> count - 1).sum();
    }

    /** The collection reporting-service serves from now: its generation's. */
    static String reportingCollection(MongoDatabase reporting, String prefix) {
        Document active = reporting.getCollection("read_models").find(new Document("_id", "active")).first();
        return prefix + (active == null ? 1 : active.getInteger("generation"));
    }

    /** A service's read model as it serves now, whichever generation that is (ADR 0030). */
    MongoCollection<Document> serving(String database, String collection) {
        MongoDatabase service = mongo.getDatabase(database);
        return service.getCollection(servingCollection(service, collection));
    }

    MongoDatabase database(String name) {
        return mongo.getDatabase(name);
    }

    private Map<String, Long> sequences(String database, String collection, String field) {
        Map<String, Long> sequences = new HashMap<>();
        mongo.getDatabase(database).getCollection(collection).find().projection(Projections.include(field))
                .forEach(document -> sequences.put(document.getString("_id"), ((Number) document.get(field)).longValue()));
        return sequences;
    }

    /**
     * The collection a service's read model serves from now: its first generation's, or the one a rebuild made
     * (ADR 0030), as the service's generations document says.
     */
    private static String servingCollection(MongoDatabase service, String collection) {
        Document serving = service.getCollection("read_model_generations").find(new Document("_id", "serving")).first();
        int generation = serving == null ? 1 : serving.getInteger("generation");
        return generation == 1 ? collection : collection + "_g" + generation;
    }

    private static ReadModel serving(String name, String database, String collection) {
        return new ReadModel(name, database, service -> servingCollection(service, collection));
    }

    private static ReadModel generation(String name, String prefix) {
        return new ReadModel(name, "reporting-service", database -> reportingCollection(database, prefix));
    }

    @Override
    public void close() {
        mongo.close();
    }
}
