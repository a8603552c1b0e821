package org.sciplat.token.web.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CachedResourceTest {

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
