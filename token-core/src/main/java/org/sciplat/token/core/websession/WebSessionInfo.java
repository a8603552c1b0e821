package org.sciplat.token.core.websession;

import java.time.Instant;

/**
 * One signed-in browser as its owner sees it: the browser in words, the address it signed in from, when, when it
 * was last seen (to the minute: the session token's last use), and whether it is the one asking.
 */
public record WebSessionInfo(String key, String browser, String clientAddress, Instant signedIn, Instant lastSeen,
        boolean current) {
}
