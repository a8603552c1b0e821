/** Who may use the TAP service: the servlet filter that reads a token from Bearer or Basic credentials. */
package org.sciplat.tap.gateway.auth;
