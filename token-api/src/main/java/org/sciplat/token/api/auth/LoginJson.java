package org.sciplat.token.api.auth;

import java.util.List;

/** The anchor's {@code GET /login} body: what a browser front end needs to act for the logged-in user. */
public record LoginJson(String csrf, String username, List<String> scopes, Config config) {

    public record Config(List<ScopeJson> scopes) {
    }

    public record ScopeJson(String name, String description) {
    }
}
