package org.sciplat.token.core.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidRequestException;

class IngressRequestTest {

    @Test
    void everyParameterIsRead() {
        IngressRequest request = IngressRequest.parse(Map.of(
                "scope", new String[] {"read:tap", "read:image"}, "satisfy", new String[] {"any"},
                "auth_type", new String[] {"basic"}, "delegate_to", new String[] {"portal"},
                "delegate_scope", new String[] {"read:tap,exec:portal", "read:image"},
                "minimum_lifetime", new String[] {"600"}, "service", new String[] {"tap"},
                "only_service", new String[] {"portal", "cutouts"}, "username", new String[] {"astronomer"},
                "allow_options", new String[] {"true"}));

        assertEquals(Set.of("read:tap", "read:image"), request.requirement().scopes());
        assertTrue(request.requirement().anyOne());
        assertTrue(request.basicChallenge());
        assertEquals(Optional.of("portal"), request.delegateTo());
        assertEquals(Set.of("read:tap", "exec:portal", "read:image"), request.delegateScopes());
        assertEquals(Optional.of(Duration.ofMinutes(10)), request.minimumLifetime());
        assertEquals(Optional.of("tap"), request.service());
        assertEquals(Set.of("portal", "cutouts"), request.onlyServices());
        assertEquals(Optional.of("astronomer"), request.username());
        assertTrue(request.allowOptions());
        assertTrue(request.delegates());
    }

    @Test
    void theDefaultsAreTheAnchors() {
        IngressRequest request = IngressRequest.parse(Map.of("scope", new String[] {"read:tap"}));

        assertFalse(request.requirement().anyOne());
        assertFalse(request.basicChallenge());
        assertFalse(request.delegates());
        assertFalse(request.allowOptions());
    }

    @Test
    void aConfigurationTheCheckCannotFollowIsRefused() {
        for (Map<String, String[]> parameters : List.<Map<String, String[]>>of(
                Map.of(),
                Map.of("scope", new String[] {"read tap"}),
                Map.of("scope", new String[] {"read:tap"}, "satisfy", new String[] {"some"}),
                Map.of("scope", new String[] {"read:tap"}, "auth_type", new String[] {"digest"}),
                Map.of("scope", new String[] {"read:tap"}, "delegate_to", new String[] {"Portal!"}),
                Map.of("scope", new String[] {"read:tap"}, "delegate_scope", new String[] {"read:tap"}),
                Map.of("scope", new String[] {"read:tap"}, "notebook", new String[] {"true"},
                        "delegate_to", new String[] {"portal"}),
                Map.of("scope", new String[] {"read:tap"}, "minimum_lifetime", new String[] {"-1"}),
                Map.of("scope", new String[] {"read:tap"}, "username", new String[] {"Not A User"}),
                Map.of("scope", new String[] {"read:tap"}, "service", new String[] {"a", "b"}))) {
            assertThrows(InvalidRequestException.class, () -> IngressRequest.parse(parameters),
                    parameters.keySet().toString());
        }
    }
}
