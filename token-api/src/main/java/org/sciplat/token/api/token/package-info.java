/** The token routes: a user's tokens, a token's details and history, and administrators' token creation. */
package org.sciplat.token.api.token;
