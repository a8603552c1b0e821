/** The public report of leaked tokens, as GitHub's credential revocation API takes it. */
package org.sciplat.token.api.leak;
