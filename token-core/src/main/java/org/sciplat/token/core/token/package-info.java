/** Tokens: issuing, verifying, listing, editing and revoking them, with the anchor token service's rules. */
package org.sciplat.token.core.token;
