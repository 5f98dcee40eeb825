package se.samverka.project.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samverka.platform.events.EventCodec;

class FundingLineTest {

    @Test
    void aLineAnnouncedBeforeTheInternalFlagExistedIsNotInternal() {
        FundingLine line = EventCodec.fromJson("""
                {"fundingLineId": "f1", "programme": "OWN_BUDGET", "applied": {"amount": "100", "currency": "SEK"}}""",
                FundingLine.class);

        assertThat(line.internal()).isFalse();
    }
}
