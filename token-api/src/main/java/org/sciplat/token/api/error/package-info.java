/** How token-core's failures reach a client: one mapper, the anchor's {@code {"detail":[...]}} error body. */
package org.sciplat.token.api.error;
