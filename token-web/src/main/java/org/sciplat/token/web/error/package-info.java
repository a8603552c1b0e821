/** The one place where token-core's failures become messages on the page. */
package org.sciplat.token.web.error;
