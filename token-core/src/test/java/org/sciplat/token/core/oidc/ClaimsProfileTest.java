package org.sciplat.token.core.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.user.UserGroup;
import org.sciplat.token.core.user.UserProfile;

/** A user as the ID token's claims describe them, under the configured claim names. */
class ClaimsProfileTest {

    private static OidcSettings settings(String usernameClaim, String groupsClaim) {
        OidcSettings settings = new OidcSettings();
        settings.login = "oidc";
        settings.usernameClaim = usernameClaim;
        settings.nameClaim = "name";
        settings.emailClaim = "email";
        settings.uidClaim = "uid_number";
        settings.gidClaim = "gid_number";
        settings.groupsClaim = groupsClaim;
        settings.enrollmentUrl = Optional.empty();
        return settings;
    }

    @Test
    void everyFieldComesFromItsClaim() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("uid", "astronomer").claim("name", "Ada Astronomer")
                .claim("email", "ada@example.org").claim("uid_number", 10001).claim("gid_number", "10001")
                .claim("isMemberOf", List.of(Map.of("name", "g_users", "id", 2000), "g_tap")).build();
        UserProfile profile = ClaimsProfile.of(claims, settings("uid", "isMemberOf"));
        assertEquals("astronomer", profile.username());
        assertEquals("Ada Astronomer", profile.name());
        assertEquals("ada@example.org", profile.email());
        assertEquals(OptionalLong.of(10001), profile.uid());
        assertEquals(OptionalLong.of(10001), profile.gid());
        assertEquals(List.of(new UserGroup("g_tap", OptionalLong.empty()), new UserGroup("g_users",
                OptionalLong.of(2000))), profile.groups());
    }

    @Test
    void missingClaimsLeaveFieldsEmpty() {
        UserProfile profile = ClaimsProfile.of(new JWTClaimsSet.Builder().claim("preferred_username", "ada").build(),
                settings("preferred_username", "groups"));
        assertNull(profile.name());
        assertTrue(profile.uid().isEmpty());
        assertTrue(profile.groups().isEmpty());
    }

    @Test
    void aUsernameThatBreaksThePlatformsRulesIsRefusedNotMangled() {
        for (String name : List.of("Ada", "ada.lovelace", "ada_l", "1234", "bot-ada", "a".repeat(65))) {
            InvalidUsernameException refusal = assertThrows(InvalidUsernameException.class, () -> ClaimsProfile.of(
                    new JWTClaimsSet.Builder().claim("preferred_username", name).build(),
                    settings("preferred_username", "groups")), name);
            assertTrue(refusal.getMessage().contains("lower-case letters"), refusal.getMessage());
        }
        assertThrows(InvalidUsernameException.class, () -> ClaimsProfile.of(new JWTClaimsSet.Builder().build(),
                settings("preferred_username", "groups")));
    }
}
