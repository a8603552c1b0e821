/** MicroProfile Health checks that tell a load balancer when this instance can serve. */
package org.sciplat.token.api.health;
