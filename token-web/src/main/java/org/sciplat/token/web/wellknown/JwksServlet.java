package org.sciplat.token.web.wellknown;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.sciplat.token.core.jwt.SigningKeys;

/**
 * The public keys that verify the platform's JWTs, as a JSON Web Key Set. Verifiers may cache it for a few
 * minutes: a JWT signed with a key they have not seen yet names it by kid, and they fetch the set again.
 */
@WebServlet(name = "JwksServlet", urlPatterns = "/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    SigningKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = keys.jwks().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
