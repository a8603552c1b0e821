package org.sciplat.token.api.token;

/** The body of a 201: the token, shown this once. */
public record NewTokenJson(String token) {
}
