package se.samverka.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailsTest {

    @Test
    void anInvitationSaysInBothLanguagesUntilWhenItsLinkWorksInSwedishTime() {
        Mail mail = Mails.invitation("id-1", "anna@ostersund.se", "Anna", "http://localhost:9000/invitation/abc",
                Instant.parse("2026-12-08T10:30:00Z"));

        assertThat(mail.to()).isEqualTo("anna@ostersund.se");
        assertThat(mail.subject()).isEqualTo("Inbjudan till Samverka / Invitation to Samverka");
        assertThat(mail.text()).contains("Hej Anna,", "Hello Anna,", "till 2026-12-08 11:30", "until 2026-12-08 11:30")
                .containsOnlyOnce("Välj ditt lösenord här").containsOnlyOnce("Choose your password here");
        assertThat(mail.text().split("http://localhost:9000/invitation/abc", -1)).hasSize(3);
    }

    @Test
    void aPasswordResetSaysWhatToDoIfTheyDidNotAsk() {
        Mail mail = Mails.passwordReset("id-1", "anna@ostersund.se", "Anna", "http://localhost:9000/password-reset/x",
                Instant.parse("2026-07-01T10:00:00Z"));

        assertThat(mail.text()).contains("till 2026-07-01 12:00", "If you did not ask for it",
                "http://localhost:9000/password-reset/x");
    }
}
