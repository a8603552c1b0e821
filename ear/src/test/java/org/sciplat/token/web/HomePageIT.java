package org.sciplat.token.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sciplat.it.TestServer;

/** token-web is deployed inside the EAR at the root and renders its pages through Faces. */
class HomePageIT {

    @Test
    void rendersTheHomePageAtTheRoot() {
        HttpResponse<String> response = TestServer.get("/");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("<title>Science Platform Tokens</title>"), response.body());
        // the TAP URL comes from a CDI bean through EL, so it is only there when Faces rendered the page
        assertTrue(response.body().contains(TestServer.BASE_URL + "/api/tap"), response.body());
    }

    @Test
    void unknownPageIsNotFound() {
        assertEquals(404, TestServer.get("/no-such-page.xhtml").statusCode());
    }
}
