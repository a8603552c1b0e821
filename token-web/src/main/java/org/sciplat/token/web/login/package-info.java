/** Logging in with the built-in directory (a session token per login), the signed-in user, and logging out. */
package org.sciplat.token.web.login;
