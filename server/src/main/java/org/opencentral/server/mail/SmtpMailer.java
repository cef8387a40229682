package org.opencentral.server.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.opencentral.platform.rules.action.Delivery;
import org.opencentral.platform.rules.action.Mailer;
import org.opencentral.server.config.SmtpConfig;

/**
 * Sends rule emails through the configured SMTP server (STARTTLS required, TLS from the start, or
 * plain for a local relay), with a login when one is configured. A refused address fails for good;
 * anything else (the server unreachable, busy, timing out) is worth retrying.
 */
public final class SmtpMailer implements Mailer {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SmtpConfig config;
    private final Session session;

    public SmtpMailer(SmtpConfig config) {
        this.config = config;
        this.session = Session.getInstance(properties(config), config.user().map(user -> new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, config.password().orElse(""));
            }
        }).orElse(null));
    }

    @Override
    public Delivery send(List<String> to, String subject, String body) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.from()));
            for (String address : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
            }
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(message);
            return new Delivery.Sent();
        } catch (SendFailedException e) {
            return new Delivery.Failed("the SMTP server refused the message: " + e.getMessage());
        } catch (MessagingException e) {
            return new Delivery.Retry("the SMTP server could not take the message: " + e.getMessage());
        }
    }

    private static Properties properties(SmtpConfig config) {
        Properties p = new Properties();
        String protocol = config.security() == SmtpConfig.Security.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", config.host().orElseThrow());
        p.put(prefix + "port", Integer.toString(config.port()));
        p.put(prefix + "auth", Boolean.toString(config.user().isPresent()));
        p.put(prefix + "connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        p.put(prefix + "timeout", Long.toString(TIMEOUT.toMillis()));
        p.put(prefix + "writetimeout", Long.toString(TIMEOUT.toMillis()));
        if (config.security() == SmtpConfig.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (config.security() != SmtpConfig.Security.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }
}
