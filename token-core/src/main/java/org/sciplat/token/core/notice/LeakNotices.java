package org.sciplat.token.core.notice;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import org.sciplat.token.core.leak.TokenLeaked;
import org.sciplat.token.core.token.TokenInfo;

/**
 * Tells a token's owner, by email to the directory's address, that the token was reported leaked and revoked:
 * once the revocation has committed, so nobody is told of one that did not happen; and apart from the report's
 * request, which must take as long for a real token as for an unknown one.
 */
@ApplicationScoped
public class LeakNotices {

    @Inject
    Mail mail;

    @Resource
    ManagedExecutorService sending;

    void tellOwner(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenLeaked leak) {
        TokenInfo token = leak.token();
        sending.execute(() -> mail.sendToUser(token.username(), "Your token " + describe(token) + " was revoked",
                text(leak)));
    }

    static String text(TokenLeaked leak) {
        TokenInfo token = leak.token();
        return "Your " + token.type().wireName() + " token " + describe(token) + " (key " + token.key() + ") was "
                + "reported found in public at " + DateTimeFormatter.ISO_INSTANT.format(leak.at()) + ", and it has "
                + "been revoked, with every token made from it, so that nobody can use it.\n\n"
                + "Anything that used it stops working until you give it a new token. Create one on the Security "
                + "tokens page, and keep it out of notebooks and files you publish: read it from a file or an "
                + "environment variable instead.\n";
    }

    static String describe(TokenInfo token) {
        return token.name() == null ? token.key() : "\"" + token.name() + "\"";
    }
}
