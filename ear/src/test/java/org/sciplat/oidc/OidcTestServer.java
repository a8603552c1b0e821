package org.sciplat.oidc;

/** What the OIDC server's tests need besides it: Keycloak (started by the build) and slapd (started here, once). */
final class OidcTestServer {

    private OidcTestServer() {
    }

    static void ready() {
        Slapd.ensureRunning();
        Keycloak.awaitReady();
    }
}
