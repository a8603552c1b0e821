package org.sciplat.oidc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the OIDC server's tests need besides it: Keycloak (started by the build) and slapd (started here, once). */
final class OidcTestServer {

    private OidcTestServer() {
    }

    static void ready() {
        // it.https.url is set by the oidc execution alone (ear/pom.xml): a run with -Dit.test, which overrides the
        // other executions' excludes, skips these classes there instead of failing them against a server without OIDC
        assumeTrue(System.getProperty("it.https.url") != null, "these tests run against the OIDC server only");
        Slapd.ensureRunning();
        Keycloak.awaitReady();
    }
}
