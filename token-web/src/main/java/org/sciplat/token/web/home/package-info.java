/** The landing page: where a user finds the platform's token-protected services. */
package org.sciplat.token.web.home;
