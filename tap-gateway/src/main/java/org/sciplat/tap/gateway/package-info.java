/** The gateway in front of the TAP service: it admits only holders of a valid token, and in proxy mode forwards. */
package org.sciplat.tap.gateway;
