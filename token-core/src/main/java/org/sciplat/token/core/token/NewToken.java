package org.sciplat.token.core.token;

/** A token just created: the credential to hand over once, and what is stored about it. */
public record NewToken(TokenCredential credential, TokenInfo info) {
}
