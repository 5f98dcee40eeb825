package se.samverka.identity.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import se.samverka.identity.IdentitySettings;

/**
 * Sends mail where there is a mail server ({@code spring.mail.host}: Spring Boot then provides the sender). Without
 * one, or when it refuses, the link the mail would have carried is still shown to whoever asked for it: a mail that
 * did not go is reported, never a failure.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;

    public Mailer(ObjectProvider<JavaMailSender> senders, IdentitySettings settings) {
        this.senders = senders;
        this.from = settings.mailFrom();
    }

    public boolean configured() {
        return senders.getIfAvailable() != null;
    }

    /** @return whether the mail server took it */
    public boolean send(Mail mail) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not mail account {}: {}", mail.accountId(), e.getMessage());
            return false;
        }
    }
}
