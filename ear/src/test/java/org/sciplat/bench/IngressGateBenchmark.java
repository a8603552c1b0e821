package org.sciplat.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sciplat.gate.EchoService;
import org.sciplat.gate.Nginx;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.TestServer;

/**
 * What the gate costs behind Debian's nginx: requests per second through nginx to the tests' echo service with
 * {@code auth_request} to the ingress check on every request (a Bearer token with the scope required, verified
 * from token-core's cache, and the platform's token stripped), against nginx proxying to the same service with no
 * check. nginx runs the repository's snippets (deploy/nginx) with no response cache: every request asks the check.
 * Load by wrk, 2 threads and 16 connections, in alternating rounds of 10 s after a 10 s warm-up of both, of which
 * the medians are compared; target ratio at least 0.8.
 *
 * <p>Not a test: only {@code mvn verify -Pbenchmark} runs it; it fails only if an answer is not a success.
 */
class IngressGateBenchmark {

    private static final int NGINX_PORT = Integer.getInteger("bench.nginx.port", 9588);
    private static final int ECHO_PORT = Integer.getInteger("bench.nginx.upstream.port", 9589);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    @Test
    void gatedAgainstUngated() {
        String token = Astronomer.userToken(null, "read:tap");
        String bearer = "Authorization: " + Api.bearer(token);
        String http = """
                upstream sciplat_tokens { server %s; keepalive 32; }
                upstream echo { server 127.0.0.1:%d; keepalive 32; }
                server {
                    listen 127.0.0.1:%d;
                    include snippets/sciplat-gate.conf;
                    location /direct/ {
                        proxy_pass http://echo;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                    }
                    location /gated/ {
                        set $sciplat_auth_query "scope=read:tap";
                        include snippets/sciplat-protect.conf;
                        proxy_pass http://echo;
                    }
                }
                """.formatted(URI.create(TestServer.BASE_URL).getAuthority().replace("localhost",
                "127.0.0.1"), ECHO_PORT, NGINX_PORT);
        try (EchoService echo = EchoService.start(ECHO_PORT, 8);
                Nginx nginx = Nginx.start(Path.of("target/nginx-bench"), NGINX_PORT, 2, http)) {
            String base = "http://127.0.0.1:" + NGINX_PORT;
            Wrk.rate(base + "/direct/", bearer, "10s");
            Wrk.rate(base + "/gated/", bearer, "10s");
            List<Double> direct = new ArrayList<>();
            List<Double> gated = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                direct.add(Wrk.rate(base + "/direct/", bearer, "10s"));
                gated.add(Wrk.rate(base + "/gated/", bearer, "10s"));
            }
            double without = Wrk.median(direct);
            double with = Wrk.median(gated);
            System.out.printf(Locale.ROOT, "%nGate behind nginx: %,.0f req/s with auth_request on every request, "
                    + "%,.0f req/s without a check (medians of %d alternating 10 s rounds: %s and %s); ratio %.2f "
                    + "(target >= 0.80)%n%n", with, without, ROUNDS, Wrk.rates(gated), Wrk.rates(direct),
                    with / without);
        }
    }
}
