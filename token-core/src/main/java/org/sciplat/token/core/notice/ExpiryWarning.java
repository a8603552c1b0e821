package org.sciplat.token.core.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.VerifiedToken;

/**
 * What to tell the holder of a user or service token that expires within {@code sciplat.expiry.notice} (7 days by
 * default), wherever they are looking: a {@code Warning} header on API answers (RFC 9111's form, code 299), an
 * INFO in TAP results, a mark in the web UI.
 */
@ApplicationScoped
public class ExpiryWarning {

    public static final String HEADER = "Warning";

    @Inject
    @ConfigProperty(name = "sciplat.expiry.notice", defaultValue = "P7D")
    Duration notice;

    /** The token's expiry, if it is one users renew and it is due within the notice period. */
    public Optional<Instant> dueExpiry(VerifiedToken token, Instant now) {
        return token.bootstrap() ? Optional.empty() : dueExpiry(token.type(), token.expires(), now);
    }

    /** Whether a token of this type expiring then is due for a notice now. */
    public Optional<Instant> dueExpiry(TokenType type, Instant expires, Instant now) {
        if (expires == null || (type != TokenType.USER && type != TokenType.SERVICE)
                || expires.isAfter(now.plus(notice))) {
            return Optional.empty();
        }
        return Optional.of(expires);
    }

    /** The notice in words: which token expires when, and how to renew it. */
    public Optional<String> textFor(VerifiedToken token, Instant now) {
        return dueExpiry(token, now).map(expires -> "Token " + token.key() + " expires at "
                + DateTimeFormatter.ISO_INSTANT.format(expires) + " (" + inWords(Duration.between(now, expires))
                + "); renew it with POST /auth/api/v1/users/" + token.username() + "/tokens/" + token.key()
                + "/rotate or on the Security tokens page");
    }

    /** The value of a {@code Warning} header: {@code 299 - "<text>"}. */
    public Optional<String> headerFor(VerifiedToken token, Instant now) {
        return textFor(token, now).map(text -> "299 - \"" + text + "\"");
    }

    /** "in 3 days", "in 5 hours", "in 12 minutes": rounded down, as a countdown is. */
    public static String inWords(Duration left) {
        long days = left.toDays();
        if (days >= 1) {
            return "in " + days + (days == 1 ? " day" : " days");
        }
        long hours = left.toHours();
        if (hours >= 1) {
            return "in " + hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(0, left.toMinutes());
        return "in " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
