package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciplat.token.core.InvalidTokenException;

class TokenCredentialTest {

    /** The pattern the README gives secret scanners; the checksum is then checked as the README says. */
    private static final String SCANNER_PATTERN =
            "(?<![A-Za-z0-9_-])gt-[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{16}[0-9A-Za-z]{6}(?![A-Za-z0-9_-])";

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

    @Test
    void generatedTokensCarryTheirChecksumAndEveryOneCharacterTypoBreaksIt() {
        String revealed = TokenCredential.generate().reveal();
        assertTrue(TokenCredential.parse(revealed).hasChecksum());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 3; i < revealed.length(); i++) {
            if (i == 25) {
                continue;
            }
            for (char c : alphabet.toCharArray()) {
                if (c != revealed.charAt(i)) {
                    String typo = revealed.substring(0, i) + c + revealed.substring(i + 1);
                    assertFalse(TokenCredential.parse(typo).hasChecksum(), typo);
                }
            }
        }
    }

    @Test
    void theScannerPatternOfTheReadmeMatchesIssuedTokensOnly() {
        Pattern scanner = Pattern.compile(SCANNER_PATTERN);
        for (int i = 0; i < 1000; i++) {
            String token = TokenCredential.generate().reveal();
            assertTrue(scanner.matcher("token = \"" + token + "\"").find(), token);
            assertEquals(token.substring(26, 42) + TokenCredential.checksum(token.substring(3, 25),
                    token.substring(26, 42)), token.substring(26));
        }
        assertFalse(scanner.matcher("xgt-AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAA").find());
    }

    @Test
    void theChecksumIsTheOneTheReadmesPythonComputes() {
        assertTrue(TokenCredential.parse("gt-DYtEJhTe_wqfk-K-tAby_w.T2Zl1pCMtVFg6SwX3jPLIP").hasChecksum());
        assertTrue(TokenCredential.parse("gt-I8qO-T9Wull79Xn6Qt1EQg.fItPEg76Ufvr6-hQ3HSpHc").hasChecksum());
    }

    @Test
    void childTokensCarryTheChecksumToo() {
        assertTrue(TokenCredential.derive(TokenCredential.generate().reveal(), TokenCredential.newKey())
                .hasChecksum());
    }

    @Test
    void theReadmeDocumentsTheScannerPattern() throws IOException {
        assertTrue(Files.readString(Path.of("../README.md")).contains(SCANNER_PATTERN),
                "README shows the pattern this test checks");
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
