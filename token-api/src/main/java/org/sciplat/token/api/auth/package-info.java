/** Who is calling: the session cookie and Authorization header handed to token-core's authenticator, and logins. */
package org.sciplat.token.api.auth;
