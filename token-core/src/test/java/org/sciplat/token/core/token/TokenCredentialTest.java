package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.token.core.InvalidTokenException;

class TokenCredentialTest {

    @Test
    void generatedTokensHaveTheAnchorsShapeAndParseBack() {
        TokenCredential token = TokenCredential.generate();
        String revealed = token.reveal();

        assertTrue(revealed.matches("gt-[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}"), revealed);
        TokenCredential parsed = TokenCredential.parse(revealed);
        assertEquals(token.key(), parsed.key());
        assertTrue(parsed.matches(token.secretHash()));
    }

    @Test
    void generatedTokensAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenCredential.generate().reveal()));
        }
    }

    @Test
    void toStringNeverShowsTheSecret() {
        TokenCredential token = TokenCredential.generate();
        String secret = token.reveal().substring(26);

        assertFalse(token.toString().contains(secret));
        assertTrue(token.toString().contains(token.key()));
    }

    @Test
    void theStoredHashIsNotTheSecretAndAWrongSecretDoesNotMatch() {
        TokenCredential token = TokenCredential.generate();
        String secret = token.reveal().substring(26);
        TokenCredential other = TokenCredential.parse(token.reveal().substring(0, 26) + "A".repeat(22));

        assertFalse(token.secretHash().contains(secret));
        assertEquals(64, token.secretHash().length());
        assertFalse(other.matches(token.secretHash()));
        assertNotEquals(token.secretHash(), other.secretHash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gt-", "gt-abc.def", "xx-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA",
        "gt-AAAAAAAAAAAAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAA", "gt-AAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAA",
        "gt-AAAAAAAAAAAAAAAAAAAA=A.AAAAAAAAAAAAAAAAAAAAAA", "gt-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAA'A",
        "gt-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedTokensAreRefusedBeforeAnyLookup(String presented) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> TokenCredential.parse(presented));
        assertEquals("invalid_token", e.type());
    }

    @Test
    void nullIsMalformed() {
        assertThrows(InvalidTokenException.class, () -> TokenCredential.parse(null));
    }
}
