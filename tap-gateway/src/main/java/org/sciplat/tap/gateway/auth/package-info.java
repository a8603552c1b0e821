/** Who may use the TAP service: the filter that asks token-core's authenticator, and the caller it admits. */
package org.sciplat.tap.gateway.auth;
