package se.samverka.identity.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The words of the mails, in Swedish and then in English: the provider does not know which language the person
 * reads. Times are Swedish time.
 */
public final class Mails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"));

    private Mails() {
    }

    public static Mail invitation(String accountId, String to, String name, String link, Instant expiresAt) {
        String until = WHEN.format(expiresAt);
        return new Mail(accountId, to, "Inbjudan till Samverka / Invitation to Samverka", """
                Hej %1$s,

                du har bjudits in till Samverka, Östersunds kommuns plattform för internationellt arbete.
                Välj ditt lösenord här (länken gäller till %2$s och kan användas en gång):

                %3$s

                ---

                Hello %1$s,

                you have been invited to Samverka, the City of Östersund's platform for international work.
                Choose your password here (the link works until %2$s, Swedish time, and only once):

                %3$s
                """.formatted(name, until, link));
    }

    public static Mail passwordReset(String accountId, String to, String name, String link, Instant expiresAt) {
        String until = WHEN.format(expiresAt);
        return new Mail(accountId, to, "Nytt lösenord i Samverka / New password for Samverka", """
                Hej %1$s,

                någon har bett om ett nytt lösenord för ditt konto i Samverka. Välj ett nytt här (länken gäller
                till %2$s och kan användas en gång):

                %3$s

                Har du inte bett om det kan du bortse från det här meddelandet: ditt lösenord är oförändrat.

                ---

                Hello %1$s,

                someone asked for a new password for your Samverka account. Choose one here (the link works until
                %2$s, Swedish time, and only once):

                %3$s

                If you did not ask for it, ignore this message: your password has not changed.
                """.formatted(name, until, link));
    }
}
