/** Who is calling: the token from a Bearer or Basic header or the session cookie, checked by token-core. */
package org.sciplat.token.api.auth;
