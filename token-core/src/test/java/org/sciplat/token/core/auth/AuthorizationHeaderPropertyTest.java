package org.sciplat.token.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.token.TokenCredential;

/**
 * Whatever Authorization headers a request carries, they name one token, none, or are refused as invalid_token
 * (401), and the token's own form is checked the same way: never another exception, which would be a 500 at the API, the ingress check and the TAP gateway.
 */
class AuthorizationHeaderPropertyTest {

    @Property(tries = 2_000)
    void anyHeaderValuesNameATokenOrAreRefused(@ForAll("headers") List<String> values) {
        try {
            Optional<Presented> presented = Presented.in(
                    new Credentials(values, Optional.empty(), Optional::empty).authorization());
            presented.filter(p -> !p.isJwt()).ifPresent(p -> TokenCredential.parse(p.token()));
        } catch (InvalidTokenException refused) {
            // 401 invalid_token
        }
    }

    @Provide
    Arbitrary<List<String>> headers() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer", "bearer", "Basic", "BASIC", "Digest", "", " ", "Bearer\t");
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> token = Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(50)
                .map(s -> "gt-" + s);
        Arbitrary<String> basic = Arbitraries.oneOf(text, token, Arbitraries.just(Presented.OAUTH_BASIC))
                .list().ofMinSize(1).ofMaxSize(3)
                .map(parts -> Base64.getEncoder().encodeToString(String.join(":", parts)
                        .getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> value = Arbitraries.oneOf(text, token, basic, basic.map(b -> b + "="),
                Arbitraries.just("eyJ.a.b"));
        Arbitrary<String> header = Arbitraries.oneOf(text,
                scheme.flatMap(s -> value.map(v -> s + " " + v)));
        return header.injectNull(0.05).list().ofMaxSize(3);
    }
}
