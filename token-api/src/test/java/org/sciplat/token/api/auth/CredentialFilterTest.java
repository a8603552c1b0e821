package org.sciplat.token.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidTokenException;

/** Where clients put the token: TOPCAT, STILTS, pyvo and curl all differ. */
class CredentialFilterTest {

    private static final String TOKEN = "gt-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";

    @Test
    void bearer() {
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader("Bearer " + TOKEN));
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader("bearer  " + TOKEN));
    }

    @Test
    void basicWithTheTokenAsPassword() {
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader(basic("x-oauth-basic:" + TOKEN)));
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader(basic("anyone:" + TOKEN)));
    }

    @Test
    void basicWithTheTokenAsUsername() {
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader(basic(TOKEN + ":x-oauth-basic")));
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader(basic(TOKEN + ":")));
        assertEquals(Optional.of(TOKEN), CredentialFilter.tokenFromHeader(basic(TOKEN)));
    }

    @Test
    void noHeaderIsNoCredential() {
        assertEquals(Optional.empty(), CredentialFilter.tokenFromHeader(null));
        assertEquals(Optional.empty(), CredentialFilter.tokenFromHeader(" "));
    }

    @Test
    void otherSchemesAndBrokenBasicAreInvalidCredentials() {
        assertThrows(InvalidTokenException.class, () -> CredentialFilter.tokenFromHeader("Digest realm=x"));
        assertThrows(InvalidTokenException.class, () -> CredentialFilter.tokenFromHeader("Basic %%%"));
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
