/** The user's own tokens: the Security Tokens page, creating a token, its one-time display and its details. */
package org.sciplat.token.web.token;
