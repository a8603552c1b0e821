package org.sciplat.token.core.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformCredentialsTest {

    private static final String TOKEN = "gt-AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";

    @Test
    void thePlatformsTokenIsTakenOutInEveryForm() {
        assertEquals(Optional.empty(), PlatformCredentials.authorizationWithout(List.of("Bearer " + TOKEN)));
        assertEquals(Optional.empty(), PlatformCredentials.authorizationWithout(List.of("bearer  " + TOKEN)));
        assertEquals(Optional.empty(), PlatformCredentials.authorizationWithout(List.of(basic("x-oauth-basic:" + TOKEN))));
        assertEquals(Optional.empty(), PlatformCredentials.authorizationWithout(List.of(basic(TOKEN + ":x-oauth-basic"))));
        assertEquals(Optional.empty(), PlatformCredentials.authorizationWithout(List.of(basic(TOKEN))));
    }

    @Test
    void otherCredentialsPassUntouched() {
        String servicePassword = basic("alice:secret");
        assertEquals(Optional.of(servicePassword), PlatformCredentials.authorizationWithout(
                List.of("Bearer " + TOKEN, servicePassword)));
        assertEquals(Optional.of("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
                PlatformCredentials.authorizationWithout(List.of("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")),
                "a JWT from the token exchange is meant for the services behind");
        assertEquals(Optional.of("Basic %%%"), PlatformCredentials.authorizationWithout(List.of("Basic %%%")));
    }

    @Test
    void onlyTheSessionCookieIsTakenOut() {
        assertEquals(Optional.of("theme=dark; lab=abc"), PlatformCredentials.cookiesWithout(
                List.of("theme=dark; sciplat_session=" + TOKEN + "; lab=abc"), "sciplat_session"));
        assertEquals(Optional.empty(), PlatformCredentials.cookiesWithout(
                List.of("sciplat_session=" + TOKEN), "sciplat_session"));
        assertEquals(Optional.of("sciplat_session_other=1"), PlatformCredentials.cookiesWithout(
                List.of("sciplat_session_other=1"), "sciplat_session"));
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
