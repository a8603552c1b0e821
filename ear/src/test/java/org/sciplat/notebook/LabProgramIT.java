package org.sciplat.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sciplat.it.Api;
import org.sciplat.it.Json;
import org.sciplat.it.TestServer;

/**
 * The lab side, with Debian's Python: the program a notebook service runs when a lab starts, then the token-info
 * notebook executed by a real Jupyter kernel, in a fresh home directory.
 */
class LabProgramIT {

    private static final Path NOTEBOOK_DIR = Path.of(System.getProperty("it.notebook.dir", "../notebook"));
    /** Debian's python3 has nbconvert and ipykernel; the first python3 on PATH may be another one. */
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path home;

    @Test
    void theProgramStoresTheNotebookTokenAndTheNotebookDescribesIt() throws Exception {
        Api.Session session = Api.login("astronomer", "astronomer-demo");

        Result fetched = run(Map.of("SCIPLAT_SESSION_TOKEN", session.token()),
                PYTHON, NOTEBOOK_DIR.resolve("fetch_access_token.py").toString(), "--url", TestServer.BASE_URL);

        assertEquals(0, fetched.status(), fetched.stderr());
        Path tokenFile = home.resolve(".access_token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        String token = Files.readString(tokenFile).strip();
        assertEquals("export ACCESS_TOKEN=" + token, fetched.stdout().strip());
        assertEquals(token, NotebookTokenIT.notebookToken(session).getString("token"), "the session's notebook token");
        Api.remember(token);
        JsonObject info = Json.object(Api.send("GET", "/token-info", Api.bearer(token), null).body());

        Path executed = home.resolve("executed.ipynb");
        Result notebook = run(Map.of("SCIPLAT_URL", TestServer.BASE_URL), PYTHON, "-m", "nbconvert",
                "--to", "notebook", "--execute", "--output", executed.toString(),
                NOTEBOOK_DIR.resolve("system-test/token-info.ipynb").toString());

        assertEquals(0, notebook.status(), notebook.stderr());
        String table = htmlOutput(Json.object(Files.readString(executed)));
        assertTrue(table.contains("<th>Type</th><td>notebook</td>"), table);
        assertTrue(table.contains("<th>Scopes</th><td>exec:notebook, exec:portal, read:image, read:tap, user:token,"
                + " write:files</td>"), table);
        String created = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(info.getJsonNumber("created").longValue()));
        assertTrue(table.contains("<th>Created</th><td>" + created + "</td>"), table);
        // thirty days, less the seconds between the login and the notebook token, which ends with its session
        assertTrue(table.matches(".*<th>Lifetime</th><td>(30 days, 0:00:00|29 days, 23:59:\\d\\d)</td>.*"), table);
        assertFalse(table.contains(token.substring(26)), "the notebook never shows the secret");
    }

    @Test
    void clearErrorsForABadUrlAndARevokedSession() throws Exception {
        Api.Session session = Api.login("observer", "observer-demo");

        Result badUrl = run(Map.of("SCIPLAT_SESSION_TOKEN", session.token()),
                PYTHON, NOTEBOOK_DIR.resolve("fetch_access_token.py").toString(), "--url", "not a url");
        assertEquals(2, badUrl.status());
        assertTrue(badUrl.stderr().contains("not a platform URL"), badUrl.stderr());

        assertEquals(204, Api.send("POST", "/logout", session, null).statusCode());
        Result revoked = run(Map.of("SCIPLAT_SESSION_TOKEN", session.token()),
                PYTHON, NOTEBOOK_DIR.resolve("fetch_access_token.py").toString(), "--url", TestServer.BASE_URL);
        assertEquals(3, revoked.status());
        assertTrue(revoked.stderr().contains("expired or revoked"), revoked.stderr());
        assertFalse(revoked.stderr().contains(session.token().substring(26)), "no secret in an error");
        assertEquals("", revoked.stdout());
        assertFalse(Files.exists(home.resolve(".access_token")));
    }

    private static String htmlOutput(JsonObject notebook) {
        StringBuilder html = new StringBuilder();
        for (JsonObject cell : notebook.getJsonArray("cells").getValuesAs(JsonObject.class)) {
            JsonArray outputs = cell.getJsonArray("outputs");
            if (outputs == null) {
                continue;
            }
            for (JsonObject output : outputs.getValuesAs(JsonObject.class)) {
                JsonObject data = output.getJsonObject("data");
                if (data != null && data.containsKey("text/html")) {
                    data.getJsonArray("text/html").getValuesAs(JsonString.class)
                            .forEach(line -> html.append(line.getString()));
                }
            }
        }
        return html.toString();
    }

    private record Result(int status, String stdout, String stderr) {
    }

    private Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(environment);
        builder.redirectOutput(home.resolve("stdout.txt").toFile());
        builder.redirectError(home.resolve("stderr.txt").toFile());
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), Files.readString(home.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
}
