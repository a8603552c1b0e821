package org.sciplat.token.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceCacheTest {

    private static final String THEME = "/jakarta.faces.resource/theme.css.xhtml";

    @Test
    void anAddressFacesWritesIsKeptUnderItsParametersInOneOrder() {
        assertEquals(ResourceCache.keyOf(THEME, "ln=primefaces-saga-blue&v=15.0.10&e=15.0.10"),
                ResourceCache.keyOf(THEME, "e=15.0.10&v=15.0.10&ln=primefaces-saga-blue"));
        assertEquals(Optional.of("/jakarta.faces.resource/css/tokens.css.xhtml"),
                ResourceCache.keyOf("/jakarta.faces.resource/css/tokens.css.xhtml", null));
        assertTrue(ResourceCache.keyOf(THEME, "ln=primefaces&loc=en&con=x").isPresent());
    }

    @Test
    void versionsAndLibrariesAreKeptApart() {
        assertFalse(ResourceCache.keyOf(THEME, "ln=primefaces&v=1").equals(ResourceCache.keyOf(THEME, "ln=primefaces&v=2")));
        assertFalse(ResourceCache.keyOf(THEME, "ln=a").equals(ResourceCache.keyOf(THEME, "ln=b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=1", "ln=primefaces&x=1", "ln=a&ln=b", "ln=", "ln", "ln=%3Cscript%3E", "v=1.0;drop",
            "ln=../../WEB-INF", "&", "ln=a&&v=1"})
    void anyOtherQueryIsNotKept(String query) {
        assertEquals(Optional.empty(), ResourceCache.keyOf(THEME, query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jakarta.faces.resource/../WEB-INF/web.xml", "/jakarta.faces.resource/",
            "/tokens", "/jakarta.faces.resource/a b.css", "/jakarta.faces.resource/%2e%2e/x.css",
            "/jakarta.faces.resource/x.css;jsessionid=1"})
    void anyOtherPathIsNotKept(String path) {
        assertEquals(Optional.empty(), ResourceCache.keyOf(path, null));
    }

    @Test
    void aTagMatchesItselfWeakOrStrongAndAnyTagInAList() {
        CachedResource resource = CachedResource.of("text/css", "max-age=604800", null, "a{}".getBytes());
        String tag = resource.etag();
        assertTrue(tag.startsWith("W/\""), tag);
        assertTrue(resource.matches(tag));
        assertTrue(resource.matches(tag.substring(2)));
        assertTrue(resource.matches("\"other\", " + tag));
        assertTrue(resource.matches("*"));
        assertFalse(resource.matches("\"other\""));
        assertFalse(resource.matches(null));
        assertFalse(CachedResource.of("text/css", null, null, "b{}".getBytes()).matches(tag));
    }
}
