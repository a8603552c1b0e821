/** The TAP service of the platform and the gateway that admits only holders of a valid token. */
package org.sciplat.tap.gateway;
