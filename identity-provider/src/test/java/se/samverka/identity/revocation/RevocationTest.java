package se.samverka.identity.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationTest {

    @Test
    void theSubjectTravelsAsItsSha256() {
        assertThat(Revocation.of("admin", Instant.parse("2026-12-01T08:00:00.123456Z")))
                .isEqualTo(new Revocation("8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918",
                        Instant.parse("2026-12-01T08:00:00.123Z")));
    }

    @Test
    void aTokenIssuedInTheSecondOfARevocationButAfterItSaysTheNextSecond() {
        Revocation revocation = Revocation.of("admin", Instant.parse("2026-12-01T08:00:00.700Z"));

        assertThat(Revocation.issuedAfter(revocation, Instant.parse("2026-12-01T08:00:00.900Z")))
                .isEqualTo(Instant.parse("2026-12-01T08:00:01Z"));
        assertThat(Revocation.issuedAfter(revocation, Instant.parse("2026-12-01T08:00:01.200Z")))
                .isEqualTo(Instant.parse("2026-12-01T08:00:01.200Z"));
        assertThat(Revocation.issuedAfter(null, Instant.parse("2026-12-01T08:00:00.900Z")))
                .isEqualTo(Instant.parse("2026-12-01T08:00:00.900Z"));
    }
}
