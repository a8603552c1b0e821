package org.sciplat.token.core.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import org.sciplat.token.core.token.TokenInfo;

/** Mails an expiry notice to the owner's directory address, once the notice is recorded as sent. */
@ApplicationScoped
public class ExpiryNoticeMail {

    @Inject
    Mail mail;


    void tellOwner(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExpiryNoticeDue notice) {
        mail.sendToUser(notice.token().username(), subject(notice), text(notice));
    }

    static String subject(ExpiryNoticeDue notice) {
        return "Your token " + LeakNotices.describe(notice.token()) + " expires within "
                + (notice.days() == 1 ? "a day" : notice.days() + " days");
    }

    static String text(ExpiryNoticeDue notice) {
        TokenInfo token = notice.token();
        return "Your token " + LeakNotices.describe(token) + " (key " + token.key() + ") expires at "
                + DateTimeFormatter.ISO_INSTANT.format(token.expires()) + ".\n\n"
                + "To keep using it, rotate it before then: on its page in the Security tokens web UI (Rotate), or\n"
                + "with POST /auth/api/v1/users/" + token.username() + "/tokens/" + token.key() + "/rotate\n"
                + "authenticated by the token itself. The new token gets the same name and scopes and a fresh "
                + "expiry. Or create a new token, and let this one expire.\n";
    }
}
