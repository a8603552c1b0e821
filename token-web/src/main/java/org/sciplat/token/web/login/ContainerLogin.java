package org.sciplat.token.web.login;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends the container's login of one browser: its HTTP session, and its login cookie. Not
 * {@code HttpServletRequest.logout()}: Open Liberty then forgets the login of every browser of the same user (its
 * authentication cache is keyed by the user for this application's identity store), which signed out all of a
 * user's browsers whenever one logged out or met its ended session. The session token, which is what signs a
 * browser in, is revoked by token-core; a request that still carries this login cookie finds no session and is sent
 * to log in.
 */
final class ContainerLogin {

    /** Open Liberty's login cookie (server.xml keeps its default name). */
    private static final String LOGIN_COOKIE = "LtpaToken2";

    private ContainerLogin() {
    }

    static void end(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Cookie spent = new Cookie(LOGIN_COOKIE, "");
        spent.setPath("/");
        spent.setMaxAge(0);
        spent.setSecure(request.isSecure());
        spent.setHttpOnly(true);
        response.addCookie(spent);
    }
}
