package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.platform.runtime.Platform;

/**
 * An erased contact person leaves no trace anywhere in the platform: not in any service's database (the reporting
 * read models included) and not in any record on any topic.
 */
class ErasureIT {

    @Test
    void anErasedPersonIsNowhereInThePlatform() throws Exception {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        String name = "Ingrid Exempelsson " + System.nanoTime();
        String email = "ingrid." + System.nanoTime() + "@ostersund.se";
        String organisation = gateway.create("/api/organisations",
                Map.of("name", "Näringslivskontoret", "type", "DEPARTMENT", "country", "SE"));
        String person = gateway.create("/api/organisations/" + organisation + "/contact-persons", Map.of("name", name,
                "email", email, "lawfulBasis", "PUBLIC_TASK", "retainUntil", LocalDate.now().plusYears(2).toString()));
        assertThat(everything(platform)).contains(name);

        gateway.http().delete().uri("/api/contact-persons/{id}", person).exchange().expectStatus().isNoContent();

        KafkaTopicReader kafka = new KafkaTopicReader(platform.settings().kafkaBootstrapServers());
        await().atMost(Duration.ofSeconds(20)).until(() -> kafka.eventsOf("samverka.organisations", organisation).stream()
                .anyMatch(event -> event.type().equals("se.samverka.organisation.contactPersonRemoved")));
        String everything = everything(platform);
        assertThat(everything).doesNotContain(name).doesNotContain(email);
    }

    /** Every document of every database, and every record of every topic, as text. */
    private static String everything(Platform platform) throws Exception {
        StringBuilder all = new StringBuilder();
        try (MongoClient mongo = MongoClients.create(platform.settings().mongoUri(""))) {
            for (String database : mongo.listDatabaseNames()) {
                MongoDatabase db = mongo.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    for (Document document : db.getCollection(collection).find()) {
                        all.append(document.toJson()).append('\n');
                    }
                }
            }
        }
        KafkaTopicReader kafka = new KafkaTopicReader(platform.settings().kafkaBootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.settings().kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            for (String topic : topics) {
                kafka.readAll(topic).forEach(record -> all.append(record.headers()).append(record.value()).append('\n'));
            }
        }
        return all.toString();
    }
}
