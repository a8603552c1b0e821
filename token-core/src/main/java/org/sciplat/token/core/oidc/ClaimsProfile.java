package org.sciplat.token.core.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.user.UserGroup;
import org.sciplat.token.core.user.UserProfile;
import org.sciplat.token.core.user.Username;

/**
 * A user as the ID token's claims describe them, under the claim names {@link OidcSettings} configures. The
 * username claim must hold a name by the platform's rules as it is: it is refused, never mangled into one.
 * Groups are a list of names, or of objects with a {@code name} and an {@code id}.
 */
public final class ClaimsProfile {

    private ClaimsProfile() {
    }

    public static UserProfile of(JWTClaimsSet claims, OidcSettings settings) {
        Object username = claims.getClaim(settings.usernameClaim());
        if (!(username instanceof String name) || !Username.isValid(name) || Username.isBot(name)) {
            throw new InvalidUsernameException("The identity provider's " + settings.usernameClaim() + " claim "
                    + (username == null ? "is missing" : "is not a username here")
                    + ": usernames are lower-case letters, digits and single hyphens, with at least one letter, "
                    + "at most 64 characters, and do not start with bot-");
        }
        return new UserProfile(name, string(claims.getClaim(settings.nameClaim())),
                string(claims.getClaim(settings.emailClaim())), number(claims.getClaim(settings.uidClaim())),
                number(claims.getClaim(settings.gidClaim())), groups(claims.getClaim(settings.groupsClaim())));
    }

    private static String string(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static OptionalLong number(Object value) {
        if (value instanceof Number number) {
            return OptionalLong.of(number.longValue());
        }
        if (value instanceof String text && text.matches("[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(text));
        }
        return OptionalLong.empty();
    }

    private static List<UserGroup> groups(Object value) {
        List<UserGroup> groups = new ArrayList<>();
        if (value instanceof Collection<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof String name && validGroup(name)) {
                    groups.add(UserGroup.named(name));
                } else if (entry instanceof Map<?, ?> group && group.get("name") instanceof String name
                        && validGroup(name)) {
                    groups.add(new UserGroup(name, number(group.get("id"))));
                }
            }
        }
        return groups;
    }

    private static boolean validGroup(String name) {
        return !name.isBlank() && name.length() <= 128;
    }
}
