/** How a failure reaches a client: the API's own and token-core's, as the anchor's {@code {"detail":[...]}} body. */
package org.sciplat.token.api.error;
