/** The rules of the ingress check a reverse proxy asks before it forwards a request to a protected service. */
package org.sciplat.token.core.ingress;
