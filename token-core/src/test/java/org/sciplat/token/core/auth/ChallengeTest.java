package org.sciplat.token.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.auth.AuthenticationResult.InsufficientScope;
import org.sciplat.token.core.auth.AuthenticationResult.Invalid;
import org.sciplat.token.core.auth.AuthenticationResult.Missing;

/** RFC 6750's Bearer challenge and RFC 7617's Basic one, as every entry point sends them. */
class ChallengeTest {

    private final Challenge challenge = new Challenge("platform.example");

    @Test
    void aMissingCredentialGetsTheRealmOnly() {
        assertEquals("Bearer realm=\"platform.example\"", challenge.bearer(new Missing()));
        assertEquals("Basic realm=\"platform.example\"", challenge.basic());
    }

    @Test
    void anInvalidCredentialIsNamedWithoutItsReason() {
        assertEquals("Bearer realm=\"platform.example\", error=\"invalid_token\", error_description=\"Token is not"
                + " valid\"", challenge.bearer(new Invalid("Basic credentials hold two different tokens")));
    }

    @Test
    void anInsufficientScopeNamesTheRequiredScopesSorted() {
        assertEquals("Bearer realm=\"platform.example\", error=\"insufficient_scope\", error_description=\"Token"
                + " missing required scope\", scope=\"read:image read:tap\"",
                challenge.bearer(new InsufficientScope(new TreeSet<>(Set.of("read:tap", "read:image")))));
    }

    @Test
    void theRealmIsQuotedAndEscapedWhateverHostTheClientNamed() {
        Challenge odd = new Challenge("evil\"host\\");

        assertEquals("Bearer realm=\"evil\\\"host\\\\\"", odd.bearer(new Missing()));
        assertEquals("Basic realm=\"evil\\\"host\\\\\"", odd.basic());
    }
}
