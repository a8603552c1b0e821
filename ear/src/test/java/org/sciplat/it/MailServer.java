package org.sciplat.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on loopback, port {@code it.smtp.port}, which the test server mails its notices
 * to (ear/pom.xml sets its mail.smtp.port). One test class at a time starts and stops it.
 */
public final class MailServer implements AutoCloseable {

    private static final int PORT = Integer.getInteger("it.smtp.port", 9486);
    private final GreenMail smtp;

    private MailServer() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public static MailServer start() {
        return new MailServer();
    }

    /** The messages received so far whose subject contains the text. */
    public List<MimeMessage> about(String text) throws MessagingException {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(text)) {
                about.add(message);
            }
        }
        return about;
    }

    /** Waits, at most the timeout, for a first message whose subject contains the text; all of them then. */
    public List<MimeMessage> awaitAbout(String text, Duration timeout) throws MessagingException,
            InterruptedException {
        Instant end = Instant.now().plus(timeout);
        List<MimeMessage> about = about(text);
        while (about.isEmpty() && Instant.now().isBefore(end)) {
            Thread.sleep(250);
            about = about(text);
        }
        return about;
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
