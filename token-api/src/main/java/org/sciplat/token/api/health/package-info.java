/** MicroProfile Health checks: when this instance can serve, when it has started, and when only a restart helps. */
package org.sciplat.token.api.health;
