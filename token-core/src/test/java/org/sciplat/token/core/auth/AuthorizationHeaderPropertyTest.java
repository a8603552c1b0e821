package org.sciplat.token.core.auth;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.token.TokenCredential;

/**
 * Whatever Authorization headers a request carries, they name one token, none, or are refused as invalid_token
 * (401), and the token's own form is checked the same way: never another exception, which would be a 500 at the
 * API, the ingress check and the TAP gateway.
 */
class AuthorizationHeaderPropertyTest {

    @Test
    void anyHeaderValuesNameATokenOrAreRefused() {
        qt().withExamples(2_000).forAll(headers()).checkAssert(values -> {
            try {
                Optional<Presented> presented = Presented.in(
                        new Credentials(values, Optional.empty(), Optional::empty).authorization());
                presented.filter(p -> !p.isJwt()).ifPresent(p -> TokenCredential.parse(p.token()));
            } catch (InvalidTokenException refused) {
                // 401 invalid_token
            }
        });
    }

    private static Gen<List<String>> headers() {
        Gen<String> scheme = Generate.pick(List.of("Bearer", "bearer", "Basic", "BASIC", "Digest", "", " ", "Bearer\t"));
        Gen<String> text = strings().allPossible().ofLengthBetween(0, 80);
        Gen<String> token = strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 50).map(s -> "gt-" + s);
        Gen<String> basic = lists().of(Generate.oneOf(text, token, Generate.constant(Presented.OAUTH_BASIC)))
                .ofSizeBetween(1, 3)
                .map(parts -> Base64.getEncoder().encodeToString(String.join(":", parts)
                        .getBytes(StandardCharsets.UTF_8)));
        Gen<String> value = Generate.oneOf(text, token, basic, basic.map(b -> b + "="), Generate.constant("eyJ.a.b"));
        Gen<String> header = Generate.oneOf(text, scheme.zip(value, (s, v) -> s + " " + v));
        return lists().of(header).ofSizeBetween(0, 3);
    }
}
