package org.sciplat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.JwtSigningKey;
import org.sciplat.it.TapService;
import org.sciplat.it.TestDatabase;
import org.sciplat.it.TestServer;

/**
 * What an operator counts on across a restart of the server, checked around one restart (each costs the suite a
 * server start):
 * <ul>
 * <li>the embedded database is the file the server created (IFEXISTS: the test never creates one of its own), and a
 * restart neither loses nor re-creates it: a row the test writes into the file while the server is stopped is there
 * once the server is back (read through the server's file, as H2's AUTO_SERVER lets the test do);</li>
 * <li>UWS jobs live in the database, not in the server's memory: a finished job and its result are there after the
 * restart, and a job that was running when the server stopped says so instead of staying EXECUTING;</li>
 * <li>an operator rotates the JWT signing key as the README says: keeps the old public key, lists it in
 * sciplat.jwt.previous-keys, replaces the key (here: deletes it, so the server generates one) and restarts. JWTs
 * signed before keep working until they expire; new ones are signed with the new key.</li>
 * </ul>
 */
class ServerRestartIT {

    private static final Path SERVER_ENV = TestServer.SERVER_DIR.resolve("server.env");

    private static String username;
    private static String tapToken;
    private static String finishedJob;
    private static String resultBefore;
    private static String runningJob;
    private static String userToken;
    private static String jwtBefore;

    @BeforeAll
    static void restartOnce() throws IOException, SQLException, GeneralSecurityException {
        username = "restart-" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        tapToken = TapService.token();
        finishedJob = job("SELECT TOP 2000 cntr, ra, decl FROM wise_00.allwise_p3as_mep ORDER BY cntr",
                "&RESPONSEFORMAT=csv");
        HttpResponse<String> completed = TestServer.get(finishedJob + "?WAIT=60", "Authorization",
                Api.bearer(tapToken));
        assertTrue(completed.body().contains("<uws:phase>COMPLETED</uws:phase>"), completed.body());
        HttpResponse<String> before = result(finishedJob);
        assertEquals(200, before.statusCode(), before.body());
        resultBefore = before.body();
        runningJob = job("SELECT COUNT(*) FROM wise_00.allwise_p3as_mep AS a, wise_00.allwise_p3as_mep AS b"
                + " WHERE a.ra * b.ra < -1", "");
        TestServer.get(runningJob + "?WAIT=10&PHASE=QUEUED", "Authorization", Api.bearer(tapToken));
        userToken = Astronomer.userToken(null, "read:tap", "user:token");
        jwtBefore = Astronomer.jwt(userToken);

        Path key = JwtSigningKey.FILE;
        Path previous = key.resolveSibling("jwt-signing-key-" + System.currentTimeMillis() + ".pub.pem");
        String environment = Files.exists(SERVER_ENV) ? Files.readString(SERVER_ENV) : "";
        TestServer.stop();
        try {
            insertUser(username);
            Files.writeString(previous, JwtSigningKey.publicKeyPem());
            Files.delete(key);
            Files.writeString(SERVER_ENV, environment + "\nSCIPLAT_JWT_PREVIOUS_KEYS=" + previous + "\n");
        } finally {
            TestServer.start();
            // read at start only: the next start (and the next build) gets the configuration it had
            Files.writeString(SERVER_ENV, environment);
        }
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        try (Connection db = TestDatabase.open();
                PreparedStatement delete = db.prepareStatement("DELETE FROM directory_user WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    @Test
    void aRowWrittenWhileTheServerWasStoppedIsThereAfterTheRestart() throws SQLException {
        // read beside the running server (H2's AUTO_SERVER), which has opened, migrated and used the file by now
        try (Connection db = TestDatabase.open();
                PreparedStatement query = db.prepareStatement(
                        "SELECT COUNT(*) FROM directory_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the row written before the restart");
            }
        }
    }

    @Test
    void aFinishedJobKeepsItsResultAndARunningOneEndsInAnError() {
        HttpResponse<String> after = result(finishedJob);
        assertEquals(200, after.statusCode(), after.body());
        assertEquals("text/csv", after.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(2001, after.body().lines().count(), "the header and 2,000 rows");
        assertEquals(resultBefore, after.body());
        HttpResponse<String> lost = TestServer.get(runningJob, "Authorization", Api.bearer(tapToken));
        assertTrue(lost.body().contains("<uws:phase>ERROR</uws:phase>"), lost.body());
        assertTrue(lost.body().contains("stopped; run it again"), lost.body());

        assertEquals(303, TapService.post(tapToken, finishedJob, "ACTION=DELETE").statusCode());
        assertEquals(303, TapService.post(tapToken, runningJob, "ACTION=DELETE").statusCode());
    }

    @Test
    void jwtsSignedBeforeAKeyRotationKeepVerifying() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(JwtSigningKey.FILE)));
        String after = Astronomer.jwt(userToken);
        String oldKid = SignedJWT.parse(jwtBefore).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertNotEquals(oldKid, newKid);
        List<String> published = JWKSet.parse(TestServer.get("/.well-known/jwks.json").body()).getKeys().stream()
                .map(JWK::getKeyID)
                .toList();
        assertEquals(List.of(newKid, oldKid), published);
        assertEquals(200, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + jwtBefore)
                .statusCode(), "a JWT signed with the previous key");
        assertEquals(200, TestServer.get("/auth/api/v1/token-info", "Authorization", "Bearer " + after)
                .statusCode());
    }

    private static void insertUser(String name) throws SQLException {
        try (Connection db = TestDatabase.open();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO directory_user (username, password_hash, created) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, "not-a-login");
            insert.setObject(3, LocalDateTime.now());
            insert.executeUpdate();
        }
    }

    /** A job running the query, as a path below the server. */
    private static String job(String adql, String more) {
        HttpResponse<String> created = TapService.post(tapToken, "/async", "LANG=ADQL&PHASE=RUN&QUERY="
                + URLEncoder.encode(adql, StandardCharsets.UTF_8) + more);
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow().substring(TestServer.BASE_URL.length());
    }

    private static HttpResponse<String> result(String job) {
        return TestServer.get(job + "/results/result", "Authorization", Api.bearer(tapToken));
    }
}
