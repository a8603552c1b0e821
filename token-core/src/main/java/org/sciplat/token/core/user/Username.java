package org.sciplat.token.core.user;

import java.util.regex.Pattern;

/** The anchor token service's rules for user names, so that names valid there are valid here and the reverse. */
public final class Username {

    private static final Pattern USER =
            Pattern.compile("^[a-z0-9](?:[a-z0-9]|-[a-z0-9])*[a-z](?:[a-z0-9]|-[a-z0-9])*$");
    private static final Pattern BOT = Pattern.compile("^bot-[a-z0-9](?:[a-z0-9]|-[a-z0-9])*$");

    private Username() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= 64 && (USER.matcher(name).matches() || BOT.matcher(name).matches());
    }

    public static boolean isBot(String name) {
        return name != null && name.length() <= 64 && BOT.matcher(name).matches();
    }
}
