package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidTokenException;

/** Where clients put the token: TOPCAT, STILTS, pyvo and curl all differ. */
class AuthorizationHeaderTest {

    private static final String TOKEN = "gt-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";

    @Test
    void bearer() {
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token("Bearer " + TOKEN));
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token("bearer  " + TOKEN));
    }

    @Test
    void basicWithTheTokenAsPassword() {
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token(basic("x-oauth-basic:" + TOKEN)));
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token(basic("anyone:" + TOKEN)));
    }

    @Test
    void basicWithTheTokenAsUsername() {
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token(basic(TOKEN + ":x-oauth-basic")));
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token(basic(TOKEN + ":")));
        assertEquals(Optional.of(TOKEN), AuthorizationHeader.token(basic(TOKEN)));
    }

    @Test
    void noHeaderIsNoCredential() {
        assertEquals(Optional.empty(), AuthorizationHeader.token(null));
        assertEquals(Optional.empty(), AuthorizationHeader.token(" "));
    }

    @Test
    void otherSchemesAndBrokenBasicAreInvalidCredentials() {
        assertThrows(InvalidTokenException.class, () -> AuthorizationHeader.token("Digest realm=x"));
        assertThrows(InvalidTokenException.class, () -> AuthorizationHeader.token("Basic %%%"));
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
