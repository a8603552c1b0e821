/** Tokens, by role: the anchor's rules (Tokens, TokenVerifier...), their store (TokenStore, every query), values. */
package org.sciplat.token.core.token;
