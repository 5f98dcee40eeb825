package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableH2BackendTest {

    @Test
    void queriesAreAnsweredAtOnce() {
        assertThat(DurableH2Backend.isRead("find", new Document("find", "projects"))).isTrue();
        assertThat(DurableH2Backend.isRead("getMore", new Document("getMore", 1L))).isTrue();
        assertThat(DurableH2Backend.isRead("aggregate", new Document("aggregate", "projects")
                .append("pipeline", List.of(new Document("$match", new Document()))))).isTrue();
    }

    @Test
    void whatMayChangeDataWaitsForItsCommit() {
        for (String write : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop",
                "dropDatabase", "renameCollection", "create")) {
            assertThat(DurableH2Backend.isRead(write, new Document(write, "projects"))).as(write).isFalse();
        }
        assertThat(DurableH2Backend.isRead("aggregate", new Document("aggregate", "projects")
                .append("pipeline", List.of(new Document("$out", "copy"))))).isFalse();
    }

    @Test
    void aCommandItDoesNotKnowIsTakenForAWrite() {
        assertThat(DurableH2Backend.isRead("compact", new Document("compact", "projects"))).isFalse();
    }

    @Test
    void aWriteAskedNotToBeJournaledIsNotWaitedFor() {
        assertThat(DurableH2Backend.unjournaled(new Document("update", "projects")
                .append("writeConcern", new Document("w", 1).append("j", false)))).isTrue();
        assertThat(DurableH2Backend.unjournaled(new Document("update", "projects")
                .append("writeConcern", new Document("w", "majority").append("j", true)))).isFalse();
        assertThat(DurableH2Backend.unjournaled(new Document("update", "projects"))).isFalse();
    }
}
