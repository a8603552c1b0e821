package org.sciplat.token.core.notice;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sciplat.token.core.user.DirectoryUser;
import org.sciplat.token.core.user.UserDirectory;

/**
 * Sends plain-text mail through the Jakarta Mail session {@code mail/tokens} of the server configuration (its SMTP
 * host, port and sender are the operator's). A notice that cannot be sent is logged, without its text, and
 * dropped: mail is a courtesy, never a reason to undo the change it tells of.
 */
@ApplicationScoped
public class Mail {

    private static final Logger LOG = Logger.getLogger(Mail.class.getName());

    @Resource(lookup = "mail/tokens")
    Session session;

    @Inject
    UserDirectory directory;

    /** To the user's address in the directory, if it has one. */
    public void sendToUser(String username, String subject, String text) {
        directory.find(username)
                .map(DirectoryUser::email)
                .filter(email -> email != null && !email.isBlank())
                .ifPresent(email -> send(email, subject, text));
    }

    /** Whether the message was handed to the SMTP server. */
    public boolean send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            Transport.send(message);
            return true;
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "Could not send a notice: {0}", e.getClass().getSimpleName());
            return false;
        }
    }
}
