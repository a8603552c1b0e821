/** Short-lived RS256 JWTs for the services behind the platform: the signing keys, their JWKS, the token exchange. */
package org.sciplat.token.core.jwt;
