package org.sciplat.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import org.sciplat.it.TestServer;

/** The requests the benchmarks send to the test server, each with a token as {@code Authorization: Bearer}. */
final class Requests {

    private Requests() {
    }

    /** The ingress check a reverse proxy makes for a TAP request. */
    static HttpRequest ingressCheck(String token) {
        return HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + "/auth/ingress/auth?scope=read:tap"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    static HttpRequest post(String path, String token, String json) {
        return HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
