package org.sciplat.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The TAP service of the test server, and the real clients (STILTS, pyvo, TOPCAT) that tests drive against it. */
public final class TapService {

    public static final String URL = TestServer.BASE_URL + "/api/tap";
    /** The cone query of the platform's TOPCAT documentation. */
    public static final String CONE = "SELECT w1mpro_ep, w2mpro_ep, w3mpro_ep FROM wise_00.allwise_p3as_mep"
            + " WHERE CONTAINS(POINT('ICRS', ra, decl), CIRCLE('ICRS', 192.85, 27.13, .2)) = 1";

    private TapService() {
    }

    /**
     * Waits until the service answers queries: the demo archive is generated on the server's first start, for up to 5
     * minutes, or it.tap.wait.minutes for a bigger demo table than the tests' (a benchmark's 10,000,000 rows).
     */
    public static void awaitAvailable() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(Long.getLong("it.tap.wait.minutes", 5)));
        while (Instant.now().isBefore(deadline)) {
            if (TestServer.get("/api/tap/availability").body().contains("<vosi:available>true")) {
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The TAP service did not become available: "
                + TestServer.get("/api/tap/availability").body());
    }

    /** A new token of the demo astronomer that may query the TAP service. */
    public static String token() {
        awaitAvailable();
        return Astronomer.userToken(null, "read:tap");
    }

    /** A synchronous query by POST, with any Authorization header given. */
    public static HttpResponse<String> sync(String authorization, Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        parameters.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + "/sync"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestServer.send(request.build());
    }

    /** A form POST with the token to a path of the service (/async, /async/{id}/phase, ...) or to a full path. */
    public static HttpResponse<String> post(String token, String path, String form) {
        String url = path.startsWith("/api/tap") ? TestServer.BASE_URL + path : URL + path;
        return TestServer.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Api.bearer(token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /**
     * A multipart POST to the service (path under it) with these form fields and a file part of the given name
     * holding the text, with any Authorization header given (none if null).
     */
    public static HttpResponse<String> multipart(String path, String authorization, Map<String, String> fields,
            String part, String text) {
        String boundary = "tap-service-boundary";
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part)
                .append("\"; filename=\"").append(part).append(".xml\"\r\nContent-Type: application/x-votable+xml")
                .append("\r\n\r\n").append(text).append("\r\n--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestServer.send(request.build());
    }

    /** The number of rows a query returns, through the service. */
    public static long coneRows(String token, String adql) {
        HttpResponse<String> response = sync("Bearer " + token, Map.of("LANG", "ADQL", "QUERY", adql,
                "RESPONSEFORMAT", "csv"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body().lines().count() - 1;
    }

    /** The number of rows of the demo table, through the service. */
    public static long tableRows(String token) {
        HttpResponse<String> response = sync("Bearer " + token, Map.of("LANG", "ADQL", "QUERY",
                "SELECT COUNT(*) FROM wise_00.allwise_p3as_mep", "RESPONSEFORMAT", "csv"));
        return Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    /**
     * The cone query's rows worked out without the service: every row of the demo table read straight from the
     * database, its great-circle distance computed here. Each row as "w1,w2,w3" (empty for null), sorted.
     */
    public static List<String> coneByBruteForce() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = TestDatabase.open(); Statement statement = db.createStatement();
                ResultSet all = statement.executeQuery(
                        "SELECT RA, DECL, W1MPRO_EP, W2MPRO_EP, W3MPRO_EP FROM WISE_00.ALLWISE_P3AS_MEP")) {
            while (all.next()) {
                if (greatCircle(all.getDouble(1), all.getDouble(2), 192.85, 27.13) <= 0.2) {
                    rows.add(magnitude(all, 3) + "," + magnitude(all, 4) + "," + magnitude(all, 5));
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String magnitude(ResultSet row, int column) throws SQLException {
        float value = row.getFloat(column);
        return row.wasNull() ? "" : Float.toString(value);
    }

    /** CSV rows of three magnitudes, in the same form as {@link #coneByBruteForce()}, sorted. */
    public static List<String> normalisedCsvRows(List<String> csvLines) {
        List<String> rows = new ArrayList<>();
        for (String line : csvLines.subList(1, csvLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                row.append(i == 0 ? "" : ",").append(cells[i].isBlank() ? "" : Float.toString(Float.parseFloat(
                        cells[i].strip())));
            }
            rows.add(row.toString());
        }
        rows.sort(null);
        return rows;
    }

    /** Great-circle distance in degrees (haversine). */
    public static double greatCircle(double ra1, double dec1, double ra2, double dec2) {
        double a = Math.sin(Math.toRadians(dec2 - dec1) / 2);
        double b = Math.sin(Math.toRadians(ra2 - ra1) / 2);
        double h = a * a + Math.cos(Math.toRadians(dec1)) * Math.cos(Math.toRadians(dec2)) * b * b;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    /** What a finished client process printed. */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs a program with its standard input closed, and returns what it printed; fails after the timeout. */
    public static Run run(Duration timeout, Map<String, String> environment, String... command) {
        try {
            Path out = Files.createTempFile("client", ".out");
            Path err = Files.createTempFile("client", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                            "/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                // its children first: xvfb-run's X server and the program under it outlive a killed xvfb-run
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command[0]) + " did not finish within " + timeout
                        + "; it printed: " + Files.readString(out) + Files.readString(err));
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** STILTS with the token as the Basic password of x-oauth-basic, as the platform's documentation says. */
    public static Run stilts(String token, String... arguments) {
        List<String> command = new ArrayList<>(List.of("stilts", "-Dstar.basicauth.user=x-oauth-basic",
                "-Dstar.basicauth.password=" + token));
        command.addAll(List.of(arguments));
        return run(Duration.ofMinutes(5), Map.of(), command.toArray(String[]::new));
    }
}
