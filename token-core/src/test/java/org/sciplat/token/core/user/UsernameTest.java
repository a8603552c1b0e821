package org.sciplat.token.core.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"astronomer", "ab", "1a", "ada-lovelace", "x9y", "bot-mobu", "bot-1"})
    void theAnchorsUsernamesAreValid(String name) {
        assertTrue(Username.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "-ada", "ada-", "ada--lovelace", "Ada", "ada lovelace", "ada_l", "<script>"})
    void othersAreNot(String name) {
        assertFalse(Username.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bot-mobu", "bot-123"})
    void botsStartWithBot(String name) {
        assertTrue(Username.isBot(name));
        assertFalse(Username.isBot(name.substring(4)));
    }
}
