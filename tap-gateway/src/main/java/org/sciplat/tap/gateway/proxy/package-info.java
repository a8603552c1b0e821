/** Proxy mode: the gateway in front of a TAP service elsewhere, which receives a short-lived JWT instead of the token. */
package org.sciplat.tap.gateway.proxy;
